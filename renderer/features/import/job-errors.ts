/** The name the import feature's index.ts exports: a failure said from its code (renderer/platform/coded-error.ts). */
export { errorText as jobErrorText } from '../../platform/coded-error';
