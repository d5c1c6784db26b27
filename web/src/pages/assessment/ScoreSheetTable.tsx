import { Button, Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Appeal, DeductionRow, Sheet } from '../../api/assessment.ts';
import { useI18n } from '../../i18n.tsx';
import { recordHref } from './recordLinks.ts';
import { APPEAL_COLOR } from './SheetHeading.tsx';

const hundredths = (rows: DeductionRow[]) => rows.reduce((s, r) => s + Math.round(r.points * 100), 0) / 100;

/** A deduction row worth showing: it deducts, it was entered by hand, it was adjusted, or its data is missing. */
function shown(row: DeductionRow) {
  return row.points > 0 || row.source === 'manual' || !!row.adjusted || !!row.metricMissing;
}

interface Props {
  sheet: Sheet;
  /** the print view hides buttons */
  printable?: boolean;
  onAppeal?(row: DeductionRow): void;
  onDeleteManual?(row: DeductionRow): void;
  onDecide?(appeal: Appeal): void;
}

/**
 * The score sheet in the document's own layout: 序号, 工作项目, 工作内容与应达到的要求, 权数, 具体考核办法,
 * 扣减分数 — then the actual deduction, its evidence (each record a link) and the item's score. Item cells span
 * their rules, as in the document.
 */
export function ScoreSheetTable({ sheet, printable, onAppeal, onDeleteManual, onDecide }: Props) {
  const { t } = useI18n();
  const scoreOf = new Map(sheet.items.map((i) => [i.itemKey, i]));
  const appealOf = new Map(sheet.appeals.map((a) => [a.rowKey, a]));
  const canAppeal = !printable && sheet.actions.includes('appeal');
  const canDelete = !printable && sheet.actions.includes('deleteManual');
  const canDecide = !printable && sheet.actions.includes('decide');

  return (
    <div className="score-sheet-scroll">
      <table className="doc-table score-sheet" data-testid="score-sheet">
        <thead>
          <tr>
            <th style={{ width: 44 }}>{t('assessment.col.seq')}</th>
            <th style={{ width: 110 }}>{t('assessment.col.item')}</th>
            <th style={{ width: '22%' }}>{t('assessment.col.requirements')}</th>
            <th style={{ width: 48 }}>{t('assessment.col.weight')}</th>
            <th style={{ width: '20%' }}>{t('assessment.col.method')}</th>
            <th style={{ width: 56 }}>{t('assessment.col.cap')}</th>
            <th style={{ width: 56 }}>{t('assessment.col.actual')}</th>
            <th>{t('assessment.col.evidence')}</th>
            <th style={{ width: 52 }}>{t('assessment.col.score')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.scheme.items.map((item) => {
            const rules = item.rules.length ? item.rules : [null];
            const score = scoreOf.get(item.key);
            return (
              <Fragment key={item.key}>
                {rules.map((rule, i) => {
                  const ruleRows = rule ? sheet.rows.filter((r) => r.ruleKey === rule.key) : [];
                  const actual = hundredths(ruleRows);
                  const visible = ruleRows.filter(shown);
                  return (
                    <tr key={rule?.key ?? item.key} data-testid={rule ? `rule-${rule.key}` : undefined}>
                      {i === 0 ? (
                        <>
                          <td rowSpan={rules.length} className="center">
                            {item.key === '0' ? '' : item.key}
                          </td>
                          <td rowSpan={rules.length}>{item.name}</td>
                          <td rowSpan={rules.length} className="small">
                            {item.requirements}
                          </td>
                          <td rowSpan={rules.length} className="center">
                            {item.weight}%
                          </td>
                        </>
                      ) : null}
                      <td className="small">{rule?.text}</td>
                      <td className="center">{rule?.cap}</td>
                      <td
                        className={`center ${actual > 0 ? 'deducted' : ''}`}
                        data-testid={rule ? `actual-${rule.key}` : undefined}
                      >
                        {rule ? actual : ''}
                      </td>
                      <td className="small">
                        {visible.length ? (
                          visible.map((row) => (
                            <DeductionRowView
                              key={row.rowKey}
                              row={row}
                              appeal={appealOf.get(row.rowKey)}
                              printable={printable}
                              canAppeal={canAppeal}
                              canDecide={canDecide}
                              canDelete={canDelete}
                              onAppeal={onAppeal}
                              onDeleteManual={onDeleteManual}
                              onDecide={onDecide}
                            />
                          ))
                        ) : (
                          <Typography.Text type="secondary">
                            {ruleRows[0]?.explanation ?? t('assessment.noDeduction')}
                          </Typography.Text>
                        )}
                      </td>
                      {i === 0 ? (
                        <td rowSpan={rules.length} className="center strong">
                          {score?.score ?? item.weight}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
          <tr className="sum">
            <td colSpan={3} className="center">
              {t('assessment.sum')}
            </td>
            <td className="center">{sheet.fullMarks}%</td>
            <td />
            <td />
            <td className="center deducted">{sheet.totalDeducted}</td>
            <td>
              {t('assessment.totalScore')} <strong data-testid="sheet-total">{sheet.total}</strong>
            </td>
            <td className="center strong">{sheet.total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A record the row counts: a link to its page where the app has one, the label alone otherwise. */
function RecordLabel({
  record,
  printable,
}: {
  record: DeductionRow['evidence'][number];
  printable?: boolean;
}) {
  const href = recordHref(record);
  const label = record.label ?? `${record.entity} #${record.id}`;
  return href && !printable ? <Link to={href}>{label}</Link> : <>{label}</>;
}

interface RowProps {
  row: DeductionRow;
  appeal?: Appeal;
  printable?: boolean;
  canAppeal: boolean;
  canDecide: boolean;
  canDelete: boolean;
  onAppeal?(row: DeductionRow): void;
  onDeleteManual?(row: DeductionRow): void;
  onDecide?(appeal: Appeal): void;
}

/** One deduction: its tags, what happened, the adjustment, the records behind it and its buttons. */
function DeductionRowView({
  row,
  appeal,
  printable,
  canAppeal,
  canDecide,
  canDelete,
  onAppeal,
  onDeleteManual,
  onDecide,
}: RowProps) {
  const { t } = useI18n();
  const caseOf = new Map((appeal?.cases ?? []).map((c) => [`${c.ref.entity}:${c.ref.id}`, c]));
  return (
    <div key={row.rowKey} className="deduction" data-testid={`row-${row.rowKey}`}>
      <Space size={4} wrap>
        {row.points > 0 ? <Tag color="red">{t('assessment.deducted', { points: row.points })}</Tag> : null}
        {row.metricMissing ? <Tag color="orange">{t('assessment.metricMissing')}</Tag> : null}
        {row.source === 'manual' ? (
          <Tag>
            {t('assessment.manual')}
            {row.by ? ` · ${row.by}` : ''}
          </Tag>
        ) : null}
        {appeal ? (
          <Tag color={APPEAL_COLOR[appeal.status]} data-testid={`appeal-status-${row.rowKey}`}>
            {t(`assessment.appealStatuses.${appeal.status}`)}
          </Tag>
        ) : null}
      </Space>
      {row.metricMissing ? null : (
        <div className={row.points > 0 ? undefined : 'muted'} data-testid={`explain-${row.rowKey}`}>
          {row.explanation}
        </div>
      )}
      {row.adjusted ? (
        <div className="adjusted">
          {t('assessment.adjustedFrom', {
            from: row.adjusted.fromPoints,
            to: row.points,
            reason: row.adjusted.reason,
          })}
        </div>
      ) : null}
      {row.evidence.length ? (
        <ul className="evidence">
          {row.evidence.map((ref) => {
            const disputed = caseOf.get(`${ref.entity}:${ref.id}`);
            return (
              <li key={`${ref.entity}:${ref.id}`}>
                <RecordLabel record={ref} printable={printable} />
                {disputed ? (
                  <Tag color={APPEAL_COLOR[disputed.status]} style={{ marginLeft: 4 }}>
                    {t(`assessment.caseStatuses.${disputed.status}`)}
                  </Tag>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {row.notCounted?.length ? (
        <div className="muted" data-testid={`not-counted-${row.rowKey}`}>
          {t('assessment.notCounted')}
          <ul className="evidence">
            {row.notCounted.map((ref) => (
              <li key={`${ref.entity}:${ref.id}`}>
                <RecordLabel record={ref} printable={printable} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {row.excluded?.length ? (
        <ul className="evidence excluded" data-testid={`excluded-${row.rowKey}`}>
          {row.excluded.map((e) => (
            <li key={`${e.ref.entity}:${e.ref.id}`}>
              <del>
                <RecordLabel record={e.ref} printable={printable} />
              </del>{' '}
              {t('assessment.excludedOnAppeal', { reason: e.reason })}
            </li>
          ))}
        </ul>
      ) : null}
      {!printable ? (
        <Space size={4}>
          {canAppeal && row.points > 0 && !appeal ? (
            <Button size="small" data-testid={`appeal-${row.rowKey}`} onClick={() => onAppeal?.(row)}>
              {t('assessment.appealBtn')}
            </Button>
          ) : null}
          {canDecide && appeal?.status === 'pending' ? (
            <Button
              size="small"
              type="primary"
              data-testid={`decide-${appeal.id}`}
              onClick={() => onDecide?.(appeal)}
            >
              {t('assessment.decide')}
            </Button>
          ) : null}
          {canDelete && row.manualEntryId ? (
            <Button size="small" danger type="link" onClick={() => onDeleteManual?.(row)}>
              {t('assessment.deleteManual')}
            </Button>
          ) : null}
        </Space>
      ) : null}
    </div>
  );
}
