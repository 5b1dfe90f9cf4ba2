// A prison's commutation or parole proposal (减刑、假释建议): a new one (version 1), a supplement
// of a stored one (the current version opened for editing, sent as version n + 1), or a refused
// one corrected ("correct and resend"). Checked as typed with the contract's own schema; the
// draft stays in this browser until it is sent.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useLocation, useParams } from 'react-router';
import { reductionDossierBody, type ReductionDossier } from '../../../shared/contract/reduction-dossier.ts';
import { formatInstant } from '../../../shared/time/calendar.ts';
import { apiGet } from '../api/client.ts';
import { useMe } from '../components/useMe.ts';
import { BASIS, KIND } from '../i18n/glossary.ts';
import { useText } from '../i18n/index.ts';
import { dossierToValues, EMPTY_DOSSIER, valuesToDossier, type DossierValues } from '../forms/dossier-values.ts';
import { discardDraft, loadDraft, saveDraft } from '../forms/draft-storage.ts';
import { DateInput, EnumSelect, YuanInput } from '../forms/fields.tsx';
import { JudgmentRows, MonthRows } from '../forms/JudgmentRows.tsx';
import { OFFENCE_CATEGORY } from '../forms/labels.ts';
import { checkPersonId } from '../forms/person-id.ts';
import { FormSection } from '../forms/sections.tsx';
import { SendResult } from '../forms/SendResult.tsx';
import { InitialProblems, ServerFieldErrors } from '../forms/ServerFieldErrors.tsx';
import { useSendMessage } from '../forms/submit.ts';
import { contractErrors } from '../forms/validate.ts';

export default function DossierFormPage() {
  const { applicationId } = useParams();
  const location = useLocation();
  const { data: me } = useMe();
  const state = location.state as { prefill?: ReductionDossier; problems?: Problem[] } | null;
  const prefill = state?.prefill;
  const stored = useQuery({
    queryKey: ['dossier-draft', applicationId],
    queryFn: () => apiGet<{ body: ReductionDossier }>('/api/drafts/dossier', { applicationId }),
    enabled: applicationId !== undefined && prefill === undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (!me) return <Spin />;
  if (applicationId && !prefill && !stored.data) return stored.error ? <Alert type="warning" title="404" /> : <Spin />;
  const initial: DossierValues = prefill
    ? dossierToValues(prefill)
    : stored.data
      ? dossierToValues(stored.data.body)
      : (loadDraft(me.institution.id) ?? EMPTY_DOSSIER);
  return (
    <DossierForm
      prisonId={me.institution.id}
      applicationId={applicationId}
      initial={initial}
      supplement={applicationId !== undefined}
      correcting={prefill !== undefined}
      problems={state?.problems ?? []}
      hearingCourts={me.hearingCourts ?? []}
      enforcingCourts={me.enforcingCourts ?? []}
    />
  );
}

const CHINA_OFFSET_MINUTES = 8 * 60;
type Problem = { path: string; message: string };

function DossierForm(props: {
  prisonId: string;
  applicationId: string | undefined;
  initial: DossierValues;
  supplement: boolean;
  /** Opened from a rejection ("correct and resend"), with its problems. */
  correcting: boolean;
  problems: Problem[];
  hearingCourts: { id: string; name: string; nameZh: string }[];
  enforcingCourts: { id: string; name: string; nameZh: string }[];
}) {
  const { pick, nameOf } = useText();
  const [form] = Form.useForm<DossierValues>();
  const { status, send, busy } = useSendMessage(() => discardDraft(props.prisonId, props.applicationId));
  const category = Form.useWatch('offenceCategory', form);
  const hasFinances = Form.useWatch('hasFinances', form);
  const hasDeclaration = Form.useWatch('hasDeclaration', form);
  const hasStatement = Form.useWatch('hasStatement', form);
  const courts = useMemo(
    () => ({
      hearing: props.hearingCourts.map((c) => ({ value: c.id, label: `${nameOf(c)}（${c.id}）` })),
      enforcing: props.enforcingCourts.map((c) => ({ value: c.id, label: `${nameOf(c)}（${c.id}）` })),
    }),
    [props.hearingCourts, props.enforcingCourts, nameOf],
  );
  const submit = (values: DossierValues) => {
    const { body, errors } = valuesToDossier(values, formatInstant(Date.now(), CHINA_OFFSET_MINUTES));
    const seen = new Set(errors.map((e) => JSON.stringify(e.name)));
    const all = [
      ...errors,
      ...contractErrors(reductionDossierBody, body).filter((e) => !seen.has(JSON.stringify(e.name))),
    ];
    if (all.length > 0) return form.setFields(all);
    send({ schema: 'linkage.reduction-dossier.v1', body });
  };
  const required = (zh: string, en: string) => [{ required: true, message: pick([`请填写${zh}`, `Enter ${en}`]) }];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {props.supplement
          ? pick([
              `补充材料：${props.applicationId}（第 ${props.initial.version} 版）`,
              `Supplement ${props.applicationId} (version ${props.initial.version})`,
            ])
          : props.correcting
            ? pick([
                `更正后重发：提请减刑、假释建议（第 ${props.initial.version} 版）`,
                `Correct and resend the proposal (version ${props.initial.version})`,
              ])
            : pick(['提请减刑、假释建议', 'New commutation or parole proposal'])}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initial}
        onFinish={submit}
        onValuesChange={(_, all) => saveDraft(props.prisonId, props.applicationId, all)}
        data-testid="dossier-form"
        scrollToFirstError
      >
        <FormSection first title={pick(['基本情况', 'The proposal'])}>
          <Space wrap align="start">
            <Form.Item
              name="applicationId"
              label={pick(['申请编号', 'Application id'])}
              rules={required('申请编号', 'the application id')}
            >
              <Input style={{ width: 240 }} disabled={props.supplement} />
            </Form.Item>
            <Form.Item name="kind" label={pick(['类别', 'Kind'])} rules={required('类别', 'the kind')}>
              <Radio.Group options={Object.entries(KIND).map(([value, pair]) => ({ value, label: pick(pair) }))} />
            </Form.Item>
            <Form.Item name="basis" label={pick(['提请依据', 'Basis'])} rules={required('提请依据', 'the basis')}>
              <EnumSelect labels={BASIS} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="hearingCourtId"
              label={pick(['审理法院', 'Hearing court'])}
              rules={required('审理法院', 'the hearing court')}
            >
              <EnumSelect labels={{}} options={courts.hearing} style={{ width: 280 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item
              name={['prisoner', 'prisonerNo']}
              label={pick(['罪犯编号', 'Prisoner number'])}
              rules={required('罪犯编号', 'the prisoner number')}
            >
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name={['prisoner', 'name']}
              label={pick(['罪犯姓名', 'Name'])}
              rules={required('罪犯姓名', 'the name')}
            >
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name={['prisoner', 'personId']}
              label={pick(['居民身份证号码', 'Identity number'])}
              validateTrigger="onChange"
              rules={[
                {
                  validator: async (_, value: string | undefined) => checkPersonId(value, pick),
                },
              ]}
            >
              <Input style={{ width: 240 }} maxLength={18} data-testid="person-id" />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item
              name="offenceCategory"
              label={pick(['罪名类别', 'Offence category'])}
              rules={required('罪名类别', 'the category')}
            >
              <EnumSelect labels={OFFENCE_CATEGORY} style={{ width: 320 }} />
            </Form.Item>
            {category && category !== 'OTHER' && (
              <Form.Item
                name="returnedGainsActively"
                label={pick(['是否积极退赃、退赔', 'Returned gains actively'])}
                rules={required('是否积极退赃、退赔', 'whether gains were returned')}
              >
                <Radio.Group
                  options={[
                    { value: true, label: pick(['是', 'Yes']) },
                    { value: false, label: pick(['否', 'No']) },
                  ]}
                />
              </Form.Item>
            )}
          </Space>
        </FormSection>

        <FormSection title={pick(['判决及财产性判项（据判决书、执行通知书）', 'Judgments and their property items'])}>
          <JudgmentRows enforcingCourts={courts.enforcing} />
        </FormSection>

        <FormSection
          title={pick(['罪犯在监狱的消费及账户余额（第五条第（五）项）', 'Spending and account balance (Art 5(5))'])}
        >
          <Form.Item name="hasFinances" valuePropName="checked">
            <Checkbox>{pick(['提供账户及消费情况', 'Account and spending provided'])}</Checkbox>
          </Form.Item>
          {hasFinances && (
            <>
              <Space wrap align="start">
                <Form.Item
                  name={['finances', 'accountBalanceFen']}
                  label={pick(['账户余额（元）', 'Balance (yuan)'])}
                  rules={required('账户余额', 'the balance')}
                >
                  <YuanInput />
                </Form.Item>
                <Form.Item
                  name={['finances', 'quotaMonthlyFen']}
                  label={pick(['月消费限额（元）', 'Monthly quota (yuan)'])}
                  rules={required('月消费限额', 'the quota')}
                >
                  <YuanInput />
                </Form.Item>
                <Form.Item
                  name={['finances', 'spendingViaOthers']}
                  valuePropName="checked"
                  label={pick(['他人代为消费', 'Spending via others'])}
                >
                  <Checkbox>{pick(['有', 'Yes'])}</Checkbox>
                </Form.Item>
              </Space>
              <MonthRows />
              <Form.Item
                name={['finances', 'specialSpendingReason']}
                label={pick(['大额消费特殊原因', 'Special spending reason'])}
                style={{ marginTop: 12 }}
              >
                <Input.TextArea rows={2} style={{ maxWidth: 600 }} />
              </Form.Item>
            </>
          )}
        </FormSection>

        <FormSection
          title={pick(['财产申报及告知（第五条第（二）至（四）项）', 'Declaration and notices (Art 5(2)-(4))'])}
        >
          <Form.Item name="hasDeclaration" valuePropName="checked">
            <Checkbox>{pick(['已提交个人财产申报表', 'Asset declaration filed'])}</Checkbox>
          </Form.Item>
          {hasDeclaration && (
            <Space wrap align="start">
              <Form.Item
                name={['assetDeclaration', 'filedOn']}
                label={pick(['申报日期', 'Filed on'])}
                rules={required('申报日期', 'the date')}
              >
                <DateInput />
              </Form.Item>
              <Form.Item
                name={['assetDeclaration', 'declaredAssetsFen']}
                label={pick(['申报财产（元）', 'Declared assets (yuan)'])}
                rules={required('申报财产', 'the amount')}
              >
                <YuanInput />
              </Form.Item>
              <Form.Item
                name={['assetDeclaration', 'refusedOrFalse']}
                valuePropName="checked"
                label={pick(['申报情况', 'Declaration'])}
              >
                <Checkbox>{pick(['拒不申报或虚假申报', 'Refused or false'])}</Checkbox>
              </Form.Item>
            </Space>
          )}
          <Form.Item
            name="adverseConsequenceNoticeOn"
            label={pick(['不利后果告知日期（未告知可不填）', 'Adverse-consequence notice on (empty: none)'])}
          >
            <DateInput />
          </Form.Item>
          <Form.Item name="hasStatement" valuePropName="checked">
            <Checkbox>{pick(['有关组织、单位出具财产状况证明', 'Third-party asset statement'])}</Checkbox>
          </Form.Item>
          {hasStatement && (
            <Space wrap align="start">
              <Form.Item
                name={['thirdPartyAssetStatement', 'ref']}
                label={pick(['证明文号', 'Statement reference'])}
                rules={required('证明文号', 'the reference')}
              >
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                name={['thirdPartyAssetStatement', 'on']}
                label={pick(['出具日期', 'Dated'])}
                rules={required('出具日期', 'the date')}
              >
                <DateInput />
              </Form.Item>
            </Space>
          )}
        </FormSection>
        <Form.Item name="version" hidden>
          <Input />
        </Form.Item>
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={busy} disabled={status.state === 'accepted'}>
            {props.supplement
              ? pick([`提交第 ${props.initial.version} 版`, `Send version ${props.initial.version}`])
              : pick(['提交', 'Submit'])}
          </Button>
          <Button
            onClick={() => {
              discardDraft(props.prisonId, props.applicationId);
              form.resetFields();
            }}
          >
            {pick(['清除草稿', 'Discard the draft'])}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {pick(['草稿自动保存在本浏览器中。', 'The draft is kept in this browser as you type.'])}
        </Typography.Paragraph>
      </Form>
      <ServerFieldErrors status={status} form={form} />
      <InitialProblems problems={props.problems} form={form} />
      <SendResult status={status} />
    </Space>
  );
}
