/* What the polite live region says after a new plan: what changed, in the page's language, and nothing when
 * nothing did (a screen reader then stays quiet instead of hearing "Checklist up to date." again).
 *
 * The words are the engine's: its progress text ("4 of 14 required steps done") and warning messages. A warning
 * that appears is read as is; one that goes away is read with the page's "No longer applies: …".
 */

const codes = (plan) => new Map((plan?.warnings ?? []).map((warning) => [warning.code, warning.message]));

/** The sentences to announce between plan `before` (null on the first live plan) and plan `after`. */
export function planChanges(before, after, text) {
  const said = [];
  const progressChanged =
    !before || before.progress?.done !== after.progress.done || before.progress?.total !== after.progress.total;
  if (progressChanged) said.push(after.progress.text || text("progress", after.progress));
  const old = codes(before);
  const now = codes(after);
  for (const [code, message] of now) if (!old.has(code) || old.get(code) !== message) said.push(message);
  for (const [code, message] of old) if (!now.has(code)) said.push(text("warning_cleared", { message }));
  return said.join(" ");
}
