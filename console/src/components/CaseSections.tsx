// The parts of a case shown on the case page and on its print view.
import { Descriptions, Empty, List, Table, Tag, Timeline, Typography } from 'antd';
import type { CaseDetail, RequestView } from '../api/client.ts';
import {
  ABILITY,
  BASIS,
  DECISION,
  ITEM_STATE,
  KIND,
  MATERIAL,
  PARTY,
  PROPERTY_KIND,
  REASON,
  REMEDY,
  REQUEST_REASON,
  RULING,
  SCHEMA,
  SPC_2019,
  SPC_2024,
  TONE,
} from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { Countdown } from './Countdown.tsx';
import { DecisionBadge } from './DecisionBadge.tsx';
import { dateOnly, dateTime, yuan } from './format.ts';

type Flag = NonNullable<CaseDetail['current']>;
const H2 = ({ children }: { children: React.ReactNode }) => (
  <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
    {children}
  </Typography.Title>
);

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t, pick, nameOf } = useText();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('list.prisoner')}>
        {detail.prisoner.name}（{detail.prisoner.prisonerNo}）
      </Descriptions.Item>
      <Descriptions.Item label="身份证号 / ID">
        {detail.prisoner.personId}
        {detail.prisoner.masked && <Typography.Text type="secondary">（{t('case.masked')}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('list.kind')}>{pick(KIND[detail.kind])}</Descriptions.Item>
      <Descriptions.Item label={t('case.basis')}>{pick(BASIS[detail.basis])}</Descriptions.Item>
      <Descriptions.Item label={t('case.prison')}>{nameOf(detail.prison)}</Descriptions.Item>
      <Descriptions.Item label={t('case.hearingCourt')}>{nameOf(detail.hearingCourt)}</Descriptions.Item>
      <Descriptions.Item label={t('case.submitted')}>
        {dateTime(detail.firstSubmittedAt)}（{t('case.dossierVersion', { n: detail.dossierVersion })}）
      </Descriptions.Item>
    </Descriptions>
  );
}

export function DecisionSummary({ flag }: { flag: Flag | null }) {
  const { t, pick } = useText();
  if (!flag) return <Empty description={t('case.noFlag')} />;
  return (
    <section
      aria-label={t('list.decision')}
      style={{ display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap', marginTop: 16 }}
    >
      <DecisionBadge decision={flag.decision} large />
      <div>
        <Typography.Text strong>{pick(DECISION[flag.decision]?.meaning)}</Typography.Text>
        <br />
        <Typography.Text>
          {t('case.revisionN', { n: flag.revision })} · {dateTime(flag.evaluatedAt)} · {t('case.ability')}：
          {pick(ABILITY[flag.ability])} · {t('case.outstanding')}：{yuan(flag.outstandingFen)} 元
        </Typography.Text>
      </div>
    </section>
  );
}

export function articleOf(code: string, language: 'zh' | 'en'): string {
  const reason = REASON[code];
  if (!reason) return '';
  const rule = reason.rule === 'SPC-2019' ? SPC_2019 : SPC_2024;
  return language === 'zh' ? `${rule[0]}${reason.article[0]}` : `${rule[1]}, ${reason.article[1]}`;
}

export function Reasons({ flag }: { flag: Flag }) {
  const { t, pick, language } = useText();
  return (
    <>
      <H2>{t('case.reasons')}</H2>
      <List
        bordered
        dataSource={flag.reasons}
        renderItem={(r) => (
          <List.Item data-reason={r.code}>
            <div>
              <Typography.Text strong>{pick(REASON[r.code]?.label, r.code)}</Typography.Text>{' '}
              {r.outcome && <DecisionBadge decision={r.outcome} />}
              <br />
              <Typography.Text>{articleOf(r.code, language)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {r.code} · {r.detail}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

export function Remedies({ flag }: { flag: Flag }) {
  const { t, pick } = useText();
  const hasV11 = flag.remedies !== undefined || flag.earliestClearOn !== undefined || flag.nextChangeAt !== undefined;
  return (
    <>
      <H2>{t('case.remedies')}</H2>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('case.earliestClearOn')}>
          {flag.earliestClearOn === undefined ? t('case.notComputed') : (flag.earliestClearOn ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.nextChangeAt')}>
          {flag.nextChangeAt === undefined ? t('case.notComputed') : dateTime(flag.nextChangeAt)}
        </Descriptions.Item>
      </Descriptions>
      {flag.missingMaterials.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('case.missingMaterials')}：</Typography.Text>
          {flag.missingMaterials.map((m) => (
            <Tag key={m} color={TONE.warn}>
              {pick(MATERIAL[m], m)}
            </Tag>
          ))}
        </div>
      )}
      {hasV11 && (flag.remedies?.length ?? 0) === 0 ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>{t('case.noRemedies')}</Typography.Paragraph>
      ) : (
        flag.remedies && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey={(r) => `${r.code}-${r.action}`}
            dataSource={flag.remedies}
            columns={[
              { title: t('case.action'), key: 'a', render: (_, r) => pick(REMEDY[r.action], r.action) },
              { title: t('case.party'), key: 'p', render: (_, r) => pick(PARTY[r.party], r.party) },
              {
                title: t('case.amount'),
                key: 'm',
                render: (_, r) => (r.amountFen !== undefined ? `${yuan(r.amountFen)} 元` : '—'),
              },
              { title: t('case.until'), key: 'u', render: (_, r) => r.until ?? '—' },
              { title: t('case.reasons'), key: 'c', render: (_, r) => pick(REASON[r.code]?.label, r.code) },
              { title: '说明 / Detail', dataIndex: 'detail' },
            ]}
          />
        )
      )}
    </>
  );
}

export function ItemsLedger({ flag }: { flag: Flag }) {
  const { t, pick, nameOf } = useText();
  return (
    <>
      <H2>{t('case.items')}</H2>
      <Table
        size="small"
        pagination={false}
        rowKey={(i) => `${i.judgmentId}#${i.itemNo}`}
        dataSource={flag.items}
        scroll={{ x: true }}
        columns={[
          { title: t('case.judgment'), dataIndex: 'judgmentId' },
          { title: t('case.item'), dataIndex: 'itemNo' },
          { title: t('case.propertyKind'), key: 'k', render: (_, i) => pick(PROPERTY_KIND[i.kind], i.kind) },
          { title: `${t('case.due')}（元）`, key: 'd', align: 'right', render: (_, i) => yuan(i.dueFen) },
          { title: `${t('case.paid')}（元）`, key: 'p', align: 'right', render: (_, i) => yuan(i.paidFen) },
          {
            title: `${t('case.outstanding')}（元）`,
            key: 'o',
            align: 'right',
            render: (_, i) => yuan(i.outstandingFen),
          },
          { title: t('case.state'), key: 's', render: (_, i) => pick(ITEM_STATE[i.state], i.state) },
          { title: t('case.asOf'), key: 'a', render: (_, i) => dateTime(i.asOf) },
          { title: t('case.court'), key: 'c', render: (_, i) => nameOf(i.enforcingCourt) },
        ]}
      />
    </>
  );
}

export function RequestsTable({
  requests,
  showApplication = false,
  action,
}: {
  requests: RequestView[];
  showApplication?: boolean;
  /** A last column (the enforcing court's "answer"). */
  action?: { title: string; render: (r: RequestView) => React.ReactNode };
}) {
  const { t, pick, nameOf } = useText();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="requestId"
      dataSource={requests}
      scroll={{ x: true }}
      columns={[
        ...(showApplication
          ? [
              {
                title: t('requests.application'),
                key: 'app',
                render: (_: unknown, r: RequestView) => (
                  <a href={`/cases/${encodeURIComponent(r.applicationId)}`}>{r.applicationId}</a>
                ),
              },
            ]
          : []),
        { title: t('case.judgment'), dataIndex: 'judgmentId' },
        {
          title: t('case.requestReason'),
          key: 'r',
          render: (_: unknown, r: RequestView) => pick(REQUEST_REASON[r.reason], r.reason),
        },
        { title: t('case.court'), key: 'c', render: (_: unknown, r: RequestView) => nameOf(r.enforcingCourt) },
        { title: t('case.requestedAt'), key: 'q', render: (_: unknown, r: RequestView) => dateTime(r.requestedAt) },
        { title: t('case.dueBy'), key: 'd', render: (_: unknown, r: RequestView) => dateTime(r.dueBy) },
        {
          title: t('case.countdown'),
          key: 'n',
          render: (_: unknown, r: RequestView) => <Countdown dueBy={r.dueBy} done={r.answered} />,
        },
        {
          title: t('requests.status'),
          key: 's',
          render: (_: unknown, r: RequestView) =>
            r.answered ? (
              <Tag color={TONE.good}>{t('case.answered')}</Tag>
            ) : r.overdue ? (
              <Tag color={TONE.bad}>{t('case.overdue')}</Tag>
            ) : (
              <Tag color={TONE.info}>{t('case.open')}</Tag>
            ),
        },
        ...(action
          ? [{ title: action.title, key: 'a', render: (_: unknown, r: RequestView) => action.render(r) }]
          : []),
      ]}
    />
  );
}

export function Rulings({ detail }: { detail: CaseDetail }) {
  const { t, pick } = useText();
  if (detail.rulings.length === 0) return null;
  return (
    <>
      <H2>{t('case.rulings')}</H2>
      <List
        size="small"
        bordered
        dataSource={detail.rulings}
        renderItem={(r) => (
          <List.Item>
            {pick(RULING[r.outcome], r.outcome)} · {r.ruledOn} · {r.rulingRef}
          </List.Item>
        )}
      />
    </>
  );
}

export function History({ detail }: { detail: CaseDetail }) {
  const { t, pick } = useText();
  const decisionLabel = (d: string) => pick(DECISION[d]?.badge, d);
  const fieldLabel: Record<string, string> = {
    paidFen: t('case.paid'),
    outstandingFen: t('case.outstanding'),
    state: t('case.state'),
  };
  const value = (field: string, v: string | number | null) =>
    v === null ? '—' : field === 'state' ? pick(ITEM_STATE[String(v)], String(v)) : `${yuan(Number(v))} 元`;
  return (
    <>
      <H2>{t('case.history')}</H2>
      <Timeline
        items={detail.history.map((h) => ({
          key: h.revision,
          color: DECISION[h.decision]?.color ?? 'gray',
          content: (
            <div data-revision={h.revision}>
              <Typography.Text strong>{t('case.revisionN', { n: h.revision })}</Typography.Text>{' '}
              <DecisionBadge decision={h.decision} /> {dateTime(h.evaluatedAt)}
              <br />
              <Typography.Text>
                {t('case.trigger')}：
                {h.trigger.kind === 'message'
                  ? t('trigger.message', {
                      what: pick(SCHEMA[h.trigger.schema], h.trigger.schema),
                      sender: h.trigger.senderId,
                      id: h.trigger.messageId,
                    })
                  : h.trigger.kind === 'deadline'
                    ? t('trigger.deadline', { at: dateTime(h.trigger.at) })
                    : h.trigger.text}
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {h.changes.length === 0 && <li>{t('case.noChanges')}</li>}
                {h.changes.map((c, i) => (
                  <li key={i}>
                    {c.type === 'decision'
                      ? t('change.decision', { from: decisionLabel(c.from), to: decisionLabel(c.to) })
                      : c.type === 'reasonAdded'
                        ? t('change.reasonAdded', { label: pick(REASON[c.code]?.label, c.code) })
                        : c.type === 'reasonRemoved'
                          ? t('change.reasonRemoved', { label: pick(REASON[c.code]?.label, c.code) })
                          : c.type === 'item'
                            ? t('change.item', {
                                item: c.item,
                                field: fieldLabel[c.field],
                                from: value(c.field, c.from),
                                to: value(c.field, c.to),
                              })
                            : c.type === 'materials'
                              ? t('change.materials', {
                                  from: c.from.map((m) => pick(MATERIAL[m], m)).join('、') || t('list.none'),
                                  to: c.to.map((m) => pick(MATERIAL[m], m)).join('、') || t('list.none'),
                                })
                              : c.type === 'dossierVersion'
                                ? t('change.dossierVersion', { from: c.from, to: c.to })
                                : c.type === 'statusVersion'
                                  ? t('change.statusVersion', { item: c.item, from: c.from ?? '—', to: c.to })
                                  : t('change.ruling', { outcome: pick(RULING[c.outcome], c.outcome) })}
                  </li>
                ))}
              </ul>
            </div>
          ),
        }))}
      />
    </>
  );
}

export { dateOnly };
