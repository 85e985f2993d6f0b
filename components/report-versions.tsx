import { keyInfo } from '@/lib/core/keys';
import type { ReportRecord } from '@/lib/core/record';
import { historyWords } from '@/lib/i18n/history-words';
import { dateTime, num } from './format';
import { useT } from './i18n-context';

/**
 * 版本 (SPEC §10): the earlier contents a revisit kept, oldest first — when each was saved, its content hash
 * (short), and each value changed since as key / label / old → new; and a visible flag when the report changed
 * after it was first seen. Nothing when the record has no versions and never changed.
 */
export function ReportVersions({ record }: { record: Pick<ReportRecord, 'versions' | 'changedAfterFirstSeen'> }) {
  const t = useT();
  const w = historyWords(t.lang);
  const versions = record.versions ?? [];
  if (versions.length === 0 && !record.changedAfterFirstSeen) return null;
  return (
    <section class="versions" data-testid="report-versions">
      <h3>{w.versions}</h3>
      {record.changedAfterFirstSeen && (
        <p class="changed-flag" data-testid="changed-flag">
          ✎ {w.changedFlag}
        </p>
      )}
      {versions.map((v, i) => (
        <div key={`${i}-${v.contentHash}`} class="version" data-testid="report-version" data-hash={v.contentHash}>
          <h4>{w.version(i + 1, dateTime(v.savedAt), v.contentHash.slice(0, 8))}</h4>
          {v.changed.length === 0 ? (
            <p class="muted">{w.noChanges}</p>
          ) : (
            <table class="values version-changes">
              <thead>
                <tr>
                  <th>{w.key}</th>
                  <th>{w.label}</th>
                  <th class="num">{w.change}</th>
                </tr>
              </thead>
              <tbody>
                {v.changed.map((c) => (
                  <tr key={c.key} data-testid="version-change" data-key={c.key}>
                    <td class="raw">
                      <code>{c.key}</code>
                    </td>
                    <td>{keyInfo(c.key)?.label ?? c.key}</td>
                    <td class="num">
                      {num(c.old)} → <b>{num(c.new)}</b>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
