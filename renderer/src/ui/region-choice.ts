/**
 * The picker's one rule, kept apart from React so it can be tested: a chosen region counts only while the
 * text in the field is exactly what the choice shows. Any edit drops the value, so a form never files a
 * code that the screen no longer shows (issue 9: "a select never keeps a value it does not show").
 */
export interface ChosenRegion {
  code: string;
  name: string;
  fullName: string;
}

/** What the field shows for a choice: 南山区 440305. */
export function choiceLabel(r: ChosenRegion): string {
  return `${r.name} ${r.code}`;
}

/** The form value for the text in the field: the chosen code while the text still shows it, else ''. */
export function valueForText(text: string, chosen: ChosenRegion | null): string {
  return chosen && text === choiceLabel(chosen) ? chosen.code : '';
}

/** Arrow keys move through the list and wrap; -1 = nothing highlighted. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}
