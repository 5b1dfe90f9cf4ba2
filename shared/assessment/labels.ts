// What each figure is called, in Simplified Chinese (console, CSV, PDF) and English (terminal).
import type { AssessedKind } from './figures.ts';

export const KIND_LABELS: Record<AssessedKind, { zh: string; en: string }> = {
  ENFORCING_COURT: { zh: '执行法院', en: 'enforcing court' },
  PRISON: { zh: '监狱', en: 'prison' },
  HEARING_COURT: { zh: '审理法院', en: 'hearing court' },
  SERVICE: { zh: '联动机制', en: 'the linkage' },
};

export const FIGURE_LABELS: Record<string, { zh: string; en: string }> = {
  requestsReceived: { zh: '收到核实函', en: 'verification requests received' },
  requestsAnswered: { zh: '已答复核实函', en: 'requests answered' },
  answeredWithin7: { zh: '7日内答复', en: 'answered within 7 days' },
  answeredWithin7Pct: { zh: '7日内答复率(%)', en: 'answered within 7 days (%)' },
  medianReplyDays: { zh: '答复用时中位数(日)', en: 'median reply (days)' },
  p90ReplyDays: { zh: '答复用时90分位(日)', en: 'p90 reply (days)' },
  overdueNow: { zh: '当前逾期未复', en: 'overdue now' },
  statusesAccepted: { zh: '报送执行状态', en: 'statuses accepted' },
  statusesUnprompted: { zh: '主动报送', en: 'statuses sent unprompted' },
  rejections: { zh: '被拒收报文', en: 'messages rejected' },
  rejectedPct: { zh: '拒收比例(%)', en: 'rejected share (%)' },
  dossiersSubmitted: { zh: '提请案件', en: 'dossiers submitted' },
  completeAtFirst: { zh: '首次提交即材料齐全', en: 'complete at first submission' },
  completeAtFirstPct: { zh: '首次齐全率(%)', en: 'complete at first (%)' },
  materialsCompleted: { zh: '补齐材料', en: 'materials completed later' },
  medianMaterialsDays: { zh: '材料齐全用时中位数(日)', en: 'median days to complete materials' },
  flagsCLEAR: { zh: '收到标识:通过', en: 'flags CLEAR' },
  flagsFLAG: { zh: '收到标识:提示', en: 'flags FLAG' },
  flagsBLOCK: { zh: '收到标识:阻却', en: 'flags BLOCK' },
  flagsREVOKE: { zh: '收到标识:撤销', en: 'flags REVOKE' },
  rulingsRecorded: { zh: '登记裁定', en: 'rulings recorded' },
  grantedAgainstBlock: { zh: '阻却下裁定准予', en: 'granted against a BLOCK' },
  applicationsEvaluated: { zh: '评估案件', en: 'applications evaluated' },
  clearedAfterPayment: { zh: '履行后转为通过', en: 'turned CLEAR after payment' },
  clearedAfterPaymentPct: { zh: '履行转通过比例(%)', en: 'turned CLEAR after payment (%)' },
  fenCollected: { zh: '促成履行金额(分)', en: 'paid while a reduction was at stake (fen)' },
  revocations: { zh: '撤销建议', en: 'post-grant REVOKE' },
  postEnforce: { zh: '裁定后执行', en: 'post-grant PP-POST-ENFORCE' },
};

/** The figures a table shows per kind, in order (counters and derived; reply histogram apart). */
export const SHOWN_FIGURES: Record<AssessedKind, readonly string[]> = {
  ENFORCING_COURT: [
    'requestsReceived',
    'requestsAnswered',
    'answeredWithin7',
    'answeredWithin7Pct',
    'medianReplyDays',
    'p90ReplyDays',
    'overdueNow',
    'statusesAccepted',
    'statusesUnprompted',
    'rejections',
    'rejectedPct',
  ],
  PRISON: [
    'dossiersSubmitted',
    'completeAtFirst',
    'completeAtFirstPct',
    'materialsCompleted',
    'medianMaterialsDays',
    'rejections',
  ],
  HEARING_COURT: ['flagsCLEAR', 'flagsFLAG', 'flagsBLOCK', 'flagsREVOKE', 'rulingsRecorded', 'grantedAgainstBlock'],
  SERVICE: [
    'applicationsEvaluated',
    'clearedAfterPayment',
    'clearedAfterPaymentPct',
    'fenCollected',
    'revocations',
    'postEnforce',
  ],
};
