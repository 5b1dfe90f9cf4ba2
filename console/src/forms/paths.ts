// Addresses of the form pages, built in one place.
export function statusFormPath(target: {
  applicationId: string;
  judgmentId: string;
  itemNo?: number;
  requestId?: string;
}): string {
  const query = new URLSearchParams({
    applicationId: target.applicationId,
    judgmentId: target.judgmentId,
    ...(target.itemNo ? { itemNo: String(target.itemNo) } : {}),
    ...(target.requestId ? { requestId: target.requestId } : {}),
  });
  return `/status/new?${query.toString()}`;
}

export const DOSSIER_NEW = '/dossier/new';
export const dossierSupplementPath = (applicationId: string) =>
  `/dossier/${encodeURIComponent(applicationId)}/supplement`;
export const CSV_UPLOAD = '/statuses/upload';
