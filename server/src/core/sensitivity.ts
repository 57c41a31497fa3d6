import type { AnalyzerSettings } from './settings';

/**
 * Is a column / field sensitive? Shared by the hidden-field and audit rules of every artifact
 * kind, so a column counts the same on a form, in a form script, in Entity.xml and on an AL page.
 *
 * Names are compared in a compact form (lower case, letters and digits only), because the same
 * column appears as `cnt_NationalId`, `cnt_nationalid`, "National ID" and `"National ID No."`.
 * Publisher prefixes (`cnt_`, `new_`) are dropped first.
 */
export interface ColumnDescriptor {
  /** Logical or schema name (`cnt_NationalId`), AL field name (`"Tax ID"`). */
  name: string;
  displayName?: string;
  description?: string;
  /** AL DataClassification, Dataverse/Purview classification if present. */
  dataClassification?: string;
}

export interface Sensitivity {
  sensitive: boolean;
  /** What made it sensitive (a term), for the message. */
  reason?: string;
  /** 'personal' (identity, finance, health), 'secret' (keys, passwords), 'pricing' (values users must not write). */
  kind?: 'personal' | 'secret' | 'pricing';
}

/**
 * Compact terms. Each is a well-known kind of regulated or abusable data: government
 * identifiers, financial accounts, health data, credentials, and the pricing controls (premium,
 * discount, commission) that fraud cases turn on.
 */
const PERSONAL = [
  'nationalid', 'nationalidentity', 'nationalinsurance', 'ssn', 'socialsecurity', 'sozialversicherung', 'passport',
  'driverslicen', 'driverlicen', 'drivinglicen', 'taxid', 'taxnumber', 'taxidentification', 'tin', 'vatregistration', 'personnummer',
  // A bank's sort code or SWIFT/BIC identifies the bank, is published, and is not listed here.
  'iban', 'bankaccount', 'bankacc', 'accountnumber', 'routingnumber',
  'creditcard', 'cardnumber', 'cvv', 'cvc', 'pan',
  'salary', 'income', 'wage', 'payroll',
  'medical', 'health', 'diagnos', 'disabilit', 'treatment', 'prescription', 'injur', 'illness', 'sickness', 'allerg', 'clinical',
  'hiv', 'genetic', 'genom', 'pregnan', 'psychiatr', 'mentalhealth', 'patholog', 'bloodtype', 'vaccinat', 'immunis', 'immuniz',
  'visanumber', 'visano', 'paymentref', 'paymenttoken', 'cardtoken',
  'religio', 'ethnic', 'sexualorientation', 'biometric', 'criminal',
  'dateofbirth', 'birthdate', 'dob', 'maidenname',
  'fraudscore', 'fraud', 'creditscore', 'riskscore',
  // Anti-money-laundering screening: politically exposed persons and sanctions-list matches.
  'politicallyexposed', 'pepstatus', 'pepflag', 'ispep', 'sanction',
];
const SECRET = [
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'apikey', 'accesskey', 'privatekey', 'token', 'credential', 'connectionstring',
  'sharedkey', 'sharedaccesskey', 'accountkey', 'subscriptionkey', 'functionkey', 'masterkey', 'signingkey', 'saskey', 'apimkey',
  'pin', 'pincode', 'pinnumber', 'accountpin', 'cardpin', 'securityanswer', 'secretanswer', 'memorableword',
];
const PRICING = ['premium', 'discount', 'commission', 'margin', 'unitcost', 'costprice', 'markup', 'rebate', 'feeshare', 'revenueshare', 'profitshare', 'interestrate', 'creditlimit'];

/** Short terms that must match a whole word or the whole compact name, not a substring. */
const WHOLE_WORD = new Set(['ssn', 'tin', 'pan', 'dob', 'cvv', 'cvc', 'pwd', 'pin', 'hiv']);
/** Whole-word terms that no common word starts with, so `hivstatus` or `ssnlast4` (lower-case logical names) match too. */
const LEADING_OK = new Set(['ssn', 'cvv', 'cvc', 'hiv']);

/**
 * A name that refers to where a secret is kept, not to the secret: `API Key Id`, `SecretName`,
 * `PasswordKey` (the isolated-storage key), `TokenExpiry`, `PasswordPolicyHint`.
 */
const SECRET_REFERENCE_SUFFIX =
  /(id|ids|name|names|key|keyid|ref|reference|uri|url|endpoint|hint|policy|expiry|expires|expireson|expiration|lifetime|length|changed|changedate|lastset|required|format|type|storage|header|headername|location|path|version|count|status|enabled|provider|issuer|audience|scope)$/;

/**
 * Compounds that contain a sensitive term but name something else: a service health check is not
 * health data, a token endpoint is not a token.
 */
const NOT_SENSITIVE_COMPOUNDS = ['healthcheck', 'healthprobe', 'healthstatusurl', 'healthendpoint', 'tokenendpoint', 'tokenurl', 'passwordreset', 'resetpassword'];

function compact(s: string): string {
  return s
    .replace(/^[a-z]{2,8}_/i, '') // publisher prefix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function words(s: string): string[] {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function matchTerm(name: string, terms: string[]): string | undefined {
  const c = compact(name);
  const ws = new Set(words(name.replace(/^[a-z]{2,8}_/i, '')));
  for (const t of terms) {
    if (WHOLE_WORD.has(t)) {
      if (ws.has(t) || c === t || (LEADING_OK.has(t) && c.startsWith(t))) return t;
    } else if (c.includes(t)) return t;
  }
  return undefined;
}

export function classifyColumn(col: ColumnDescriptor, settings?: Pick<AnalyzerSettings, 'sensitiveNames' | 'notSensitiveNames'>): Sensitivity {
  const names = [col.name, col.displayName].filter((x): x is string => !!x).filter((n) => !NOT_SENSITIVE_COMPOUNDS.some((t) => compact(n).includes(t)));
  const extraNo = (settings?.notSensitiveNames ?? []).map(compact);
  if (names.some((n) => extraNo.includes(compact(n)))) return { sensitive: false };
  const extraYes = (settings?.sensitiveNames ?? []).map(compact).filter(Boolean);
  for (const n of names) {
    const c = compact(n);
    const hit = extraYes.find((t) => c.includes(t));
    if (hit) return { sensitive: true, reason: hit, kind: 'personal' };
  }
  for (const n of names) {
    const secret = matchTerm(n, SECRET);
    if (secret) {
      const rest = compact(n).slice(compact(n).indexOf(secret) + secret.length);
      if (SECRET_REFERENCE_SUFFIX.test(rest) || rest === 'id') return { sensitive: false };
      return { sensitive: true, reason: secret, kind: 'secret' };
    }
  }
  for (const n of names) {
    const p = matchTerm(n, PERSONAL);
    if (p) return { sensitive: true, reason: p, kind: 'personal' };
    const q = matchTerm(n, PRICING);
    if (q) return { sensitive: true, reason: q, kind: 'pricing' };
  }
  // The description can say what a cryptically named column holds ("IBAN of the payout account").
  if (col.description) {
    const d = col.description.toLowerCase();
    for (const [re, kind] of DESCRIPTION_SIGNALS) if (re.test(d)) return { sensitive: true, reason: re.source, kind };
  }
  return { sensitive: false };
}

const DESCRIPTION_SIGNALS: [RegExp, Sensitivity['kind']][] = [
  [/\b(social security|national (id|identity|insurance)|passport|tax (id|identification))\b/, 'personal'],
  [/\b(iban|bank account|account number|credit card|card number)\b/, 'personal'],
  [/\b(medical|health|diagnos\w*|clinical|patholog\w*|genetic|hiv|psychiatr\w*|pregnan\w*)\b/, 'personal'],
  // A health-plan identifier (HIPAA lists beneficiary numbers): "Member identifier printed on the insurance card".
  [/\b(member|subscriber|beneficiary)\s+(id|identifier|number|no)\b[^.]*\b(insurance|health plan|payer)\b|\b(insurance|health plan|payer)\b[^.]*\b(member|subscriber|beneficiary)\s+(id|identifier|number|no)\b/, 'personal'],
  [/\b(password|api key|client secret|access key)\b/, 'secret'],
];

/**
 * Does a name (variable, key, parameter, environment variable) say it holds a credential? The same
 * terms and reference suffixes as for columns: `erpPassword`, `ERP API Key`, `SmsGatewayToken` yes;
 * `PasswordPolicyHint`, `ApiKeyName`, `TokenEndpoint` no.
 */
export function isCredentialName(name: string, settings?: Pick<AnalyzerSettings, 'sensitiveNames' | 'notSensitiveNames'>): boolean {
  return classifyColumn({ name }, settings).kind === 'secret' || endsWithPassWord(name);
}

/** Passes that are tickets or iterations, not passwords (`BoardingPass`, `seasonPass`, `firstPass`). */
const TICKET_PASS = new Set(['boarding', 'season', 'guest', 'day', 'hall', 'bus', 'ski', 'visitor', 'press', 'first', 'second', 'third', 'last', 'next', 'single', 'multi', 'one', 'two', 'final']);

/**
 * Code abbreviates passwords: `TRACKING_PASS`, `body.Pass`, `smtpPw`. Only as the last whole word
 * of a name in code (variables, members, keys); a column called `BoardingPass` is a ticket.
 */
function endsWithPassWord(name: string): boolean {
  const ws = words(name);
  const last = ws[ws.length - 1];
  return (last === 'pass' || last === 'pw') && !TICKET_PASS.has(ws[ws.length - 2] ?? '');
}
