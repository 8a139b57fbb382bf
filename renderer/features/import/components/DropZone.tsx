import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { fromDataTransfer } from '../collect-files';
import type { CollectedFile } from '../import.logic';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** Drop files or folders onto the map to import them. */
export function DropZone({
  onFiles,
  onError,
  children,
}: {
  onFiles: (files: CollectedFile[]) => void;
  onError: (message: string) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!hasFiles(e) && e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        // Entries must be taken synchronously, inside the event.
        fromDataTransfer(e.dataTransfer).then(onFiles, (err: unknown) => onError(errorText(err, t)));
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay">
          <div>{t('import.dropHint')}</div>
        </div>
      )}
    </div>
  );
}
