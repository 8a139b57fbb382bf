/** The Electron fuses electron-builder.yml must set, and a package build must flip (fuses.spec, package.spec). */
export const EXPECTED_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn LandPatrol.exe into a plain Node.js with the user's rights. */
  runAsNode: false,
  /** Cookies and other session secrets on disk encrypted with the OS keystore (DPAPI on Windows). */
  enableCookieEncryption: true,
  /** NODE_OPTIONS could preload any script into main. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk would open a debugger port into main. */
  enableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash embedded in the executable. */
  enableEmbeddedAsarIntegrityValidation: true,
  /** No loading the app from a loose folder beside the executable. */
  onlyLoadAppFromAsar: true,
  /** file:// gets no privileges beyond a web page's (the app is served from app://). */
  grantFileProtocolExtraPrivileges: false,
} as const;
