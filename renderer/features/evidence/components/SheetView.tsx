/** One sheet drawn as SVG at its paper size (1 user unit = 1 mm): the renderer the preview and the print root share. */
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { SheetSvg } from '../render/SheetSvg';

export function SheetView({ sheet, images, className }: { sheet: Sheet; images: Readonly<Record<string, string>>; className?: string }) {
  return <SheetSvg sheet={sheet} images={images} {...(className ? { className } : {})} />;
}
