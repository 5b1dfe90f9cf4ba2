// What the forms say about versions, kept apart from the components so it can be tested alone:
// why a message changed nothing (the ingest's stale or duplicate), and the version a corrected
// message must carry to be accepted.

/** Why nothing changed: the same version again, a newer one stored already, or a ruling number kept before. */
export function staleTitle(status: { sentVersion?: number; storedVersion?: number }): readonly [string, string] {
  const { sentVersion: sent, storedVersion: stored } = status;
  if (sent === undefined || stored === undefined)
    return ['平台已收到过该裁定书文号的裁定，本次未作更改', 'This ruling number was received before; nothing changed'];
  if (stored === sent)
    return [
      `平台已收到过同一版本（第 ${sent} 版），本次未作更改`,
      `Version ${sent} was received before; nothing changed`,
    ];
  return [
    `平台已有更新的第 ${stored} 版，本次报送的第 ${sent} 版未作更改`,
    `Version ${stored} is stored already; version ${sent} changed nothing`,
  ];
}

/** The refused version if it is still newer than the stored one, else the one after the stored one. */
export function resendVersion(refused: unknown, stored: number | null): number {
  const own = typeof refused === 'number' && Number.isSafeInteger(refused) && refused >= 1 ? refused : 1;
  return stored !== null && stored >= own ? stored + 1 : own;
}
