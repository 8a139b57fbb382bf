// FacadeVFS ships without its own declaration (the package's index.d.ts declares VFS.js and the API only).
declare module '@journeyapps/wa-sqlite/src/FacadeVFS.js' {
  import { Base } from '@journeyapps/wa-sqlite/src/VFS.js';
  export class FacadeVFS extends Base {
    constructor(name: string, module: unknown);
    jOpen(filename: string | null, pFile: number, flags: number, pOutFlags: DataView): number | Promise<number>;
    jClose(pFile: number): number | Promise<number>;
    jRead(pFile: number, pData: Uint8Array, iOffset: number): number | Promise<number>;
    jWrite(pFile: number, pData: Uint8Array, iOffset: number): number | Promise<number>;
    jFileSize(pFile: number, pSize64: DataView): number | Promise<number>;
    jAccess(filename: string, flags: number, pResOut: DataView): number | Promise<number>;
  }
}
