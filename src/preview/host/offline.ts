/**
 * Outside Office, office.js loads Microsoft's telemetry proxy page into a hidden iframe, three
 * seconds after it starts (ULSEndpointProxy in o15apptofilemappingtable.js). The preview keeps
 * everything on the machine, as the add-in does: the proxy is never loaded, and a content
 * security policy forbids frames and connections to anywhere but this server.
 */
interface UlsEndpoint {
  loadProxyFrame?: () => void;
}
interface OfficeGlobals {
  OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint } };
  Logger?: { ulsEndpoint?: UlsEndpoint };
  OSFAppTelemetry?: { enableTelemetry?: boolean };
}

export const PREVIEW_CSP = "frame-src 'self' blob:; connect-src 'self' blob: data:";

export function keepOffline(): void {
  const w = window as unknown as OfficeGlobals;
  for (const endpoint of [w.OSF?.Logger?.ulsEndpoint, w.Logger?.ulsEndpoint]) {
    if (endpoint) endpoint.loadProxyFrame = () => undefined;
  }
  if (w.OSFAppTelemetry) w.OSFAppTelemetry.enableTelemetry = false;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = PREVIEW_CSP;
  document.head.prepend(meta);
}
