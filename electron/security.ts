/**
 * Wires the pure decisions of policy.ts into Electron: what may load, navigate, open windows or ask for
 * permissions. Applied to the default session and to every web contents ever created.
 */
import { app, session, type Session } from 'electron';
import { isNavigationAllowed, isPermissionAllowed, isRequestAllowed, normaliseOrigin, type RequestFilterOptions } from './policy';

/**
 * Origins the user switched on for online services (the online basemaps' tile servers). Empty by default and at
 * every start: no request leaves the machine until the window sends its list (IPC setOnlineOrigins, validated in
 * electron/ipc/validate.ts), and then only to exactly those origins.
 */
let allowedOrigins: readonly string[] = [];

export function setAllowedOrigins(origins: readonly string[]): void {
  allowedOrigins = origins.map(normaliseOrigin).filter((o): o is string => o !== null);
}

/** `devTools`: a development build, whose DevTools load their UI from devtools:// (policy.ts isRequestAllowed). */
export function hardenSession(ses: Session = session.defaultSession, options: RequestFilterOptions = { devTools: false }): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, allowedOrigins, options);
    if (!allowed) console.warn(`[security] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  // No downloads behind the user's back: files are written only through saveFile's dialog.
  ses.on('will-download', (event) => event.preventDefault());
}

/**
 * Every web contents (our window and anything it might try to create): no webviews, no popups, no
 * navigation away from app://. Links to the web are not opened in the system browser either: this is an
 * offline tool, a URL handed to shell.openExternal can carry data off the machine or start another
 * program, and an officer who needs a link can copy it.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) {
        console.warn(`[security] blocked navigation to ${event.url.slice(0, 200)}`);
        event.preventDefault();
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[security] blocked window.open(${url.slice(0, 200)})`);
      return { action: 'deny' };
    });
  });
}
