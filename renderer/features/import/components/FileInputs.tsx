import { useEffect, useRef } from 'react';
import { IMPORT_EXTENSIONS } from '../../../../shared/formats/bundle';
import { fromFileList } from '../collect-files';
import type { CollectedFile } from '../import.logic';

const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

export interface FileInputHandles {
  openFiles(): void;
  openFolder(): void;
}

/**
 * The browser's file and folder pickers (hidden inputs the 导入图层 / 导入文件夹 commands click). A click from a
 * toolbar button or a keyboard shortcut is a user gesture, which the browser requires to open a picker.
 */
export function FileInputs({ onFiles, register }: { onFiles: (files: CollectedFile[]) => void; register: (h: FileInputHandles | null) => void }) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    register({ openFiles: () => filesInput.current?.click(), openFolder: () => folderInput.current?.click() });
    return () => register(null);
  }, [register]);
  const take = (input: HTMLInputElement) => {
    const files = fromFileList(input.files);
    input.value = '';
    onFiles(files);
  };
  return (
    <>
      <input ref={filesInput} type="file" multiple hidden data-testid="import-files-input" accept={ACCEPT} onChange={(e) => take(e.currentTarget)} />
      <input
        ref={(el) => {
          folderInput.current = el;
          // webkitdirectory is not in React's typings as a boolean attribute: set it on the element.
          if (el) el.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}
