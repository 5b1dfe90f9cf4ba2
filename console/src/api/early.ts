// The responses public/boot.js started before the application loaded. Each is used once, and
// only by a request for exactly the same URL with the same token; later reads go to the network.
declare global {
  interface Window {
    __linkageEarly?: Record<string, Promise<Response> | undefined>;
  }
}

export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  const early = window.__linkageEarly;
  const response = early?.[url];
  if (early && response) delete early[url];
  return response;
}
