/**
 * A filter's drop-down: "all" first, then the choices, each with its label. The history's table view and
 * its panel view filter by the same editions and statuses (`EDITIONS`, `STATUSES`).
 */

export const EDITIONS = ['2021', '2019', 'legacy', 'unknown'] as const;
export const STATUSES = ['errors', 'ok', 'partial', 'no-tables'] as const;

interface Props<T extends string> {
  testid: string;
  label: string;
  value: string;
  /** the first option's words (the empty value: no filter) */
  all: string;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChange: (value: string) => void;
}

export function ChoiceSelect<T extends string>({ testid, label, value, all, choices, labelOf, onChange }: Props<T>) {
  return (
    <select data-testid={testid} aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{all}</option>
      {choices.map((c) => (
        <option key={c} value={c}>
          {labelOf(c)}
        </option>
      ))}
    </select>
  );
}
