// Messages from the station, rendered wholly from the bundles: a key (msg.* or error.*) and its parameters.
import { has, t, tOr } from './i18n.js';

// Parameters that are themselves keys of the bundles; the others (numbers, codes, job ids) are data.
const KEYED_PARAMS = {
  state: 'state', action: 'act', field: 'field', missing: 'field', scheme: 'scheme', cause: 'alarm.cause',
  unitState: 'codeState',
};

function lastPart(where) {
  return (where || '').split(/[.[\]]/).filter(Boolean).pop() || '';
}

// A value the operator typed (a scheme that does not exist) is shown as typed.
const AS_TYPED = new Set(['scheme']);

function param(name, value) {
  const prefix = KEYED_PARAMS[name];
  if (!prefix) return value;
  const key = `${prefix}.${name === 'missing' ? lastPart(value) : value}`;
  if (has(key)) return t(key);
  return AS_TYPED.has(name) ? value : t('msg.unknownValue');
}

function params(values) {
  const out = {};
  Object.entries(values || {}).forEach(([name, value]) => { out[name] = param(name, value); });
  return out;
}

/** The text of a message body ({messageKey, params, key}) in the chosen language; never the English original. */
export function messageText(data) {
  const body = data || {};
  const values = params(body.params);
  if (body.messageKey && has(`msg.${body.messageKey}`)) return t(`msg.${body.messageKey}`, values);
  if (body.messageKey && has(`error.${body.messageKey}`)) return t(`error.${body.messageKey}`, values);
  if (body.messageKey && has(`problem.${body.messageKey}`)) return t(`problem.${body.messageKey}`, values);
  if (body.key && has(`error.${body.key}`)) {
    return t(`error.${body.key}`, { seconds: body.retryAfterSeconds ?? '', ...values });
  }
  return t('error.unknown');
}

/** The text of one problem, shown beside its field. */
export function problemText(problem) {
  const params = { field: lastPart(problem.field), ...(problem.params || {}) };
  return messageText({ messageKey: problem.messageKey || problem.key, params, key: 'invalid' });
}

/** The label of an alarm's cause, its kind, and its recovery steps. */
export function alarmTexts(alarm) {
  const cause = has(`alarm.cause.${alarm.cause}`) ? alarm.cause : 'unknown';
  const steps = tOr(`alarm.steps.${alarm.cause}`, t('alarm.steps.unknown'));
  return {
    title: t(`alarm.cause.${cause}`),
    kind: t(`alarm.kind.${alarm.severity === 'WARNING' ? 'WARNING' : 'FAULT'}`),
    steps: steps.split('|'),
  };
}
