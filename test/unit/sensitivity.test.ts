import { describe, expect, it } from 'vitest';
import { classifyColumn, isCredentialName } from '../../server/src/core/sensitivity';

describe('sensitivity', () => {
  it('classifies personal, pricing and secret columns', () => {
    expect(classifyColumn({ name: 'cnt_NationalId', displayName: 'National ID' })).toMatchObject({ sensitive: true, kind: 'personal' });
    expect(classifyColumn({ name: 'cnt_discountpercent' })).toMatchObject({ sensitive: true, kind: 'pricing' });
    expect(classifyColumn({ name: 'cnt_apikey' })).toMatchObject({ sensitive: true, kind: 'secret' });
    expect(classifyColumn({ name: 'cnt_x1', description: 'IBAN of the payout account' }).sensitive).toBe(true);
    expect(classifyColumn({ name: 'fab_carrieraccountpin' })).toMatchObject({ sensitive: true, kind: 'secret' });
    expect(classifyColumn({ name: 'x_Pin' }).sensitive).toBe(true);
  });
  it('leaves ordinary and reference names alone', () => {
    for (const n of ['cnt_legacysystemid', 'cnt_preferredname', 'cnt_policynumber', 'versionnumber', 'cnt_isocode', 'cnt_healthcheckurl', 'cnt_tokenendpoint', 'cnt_pinned', 'cnt_spinner', 'cnt_shippingcode'])
      expect(classifyColumn({ name: n }).sensitive, n).toBe(false);
    expect(classifyColumn({ name: 'cnt_x', displayName: 'API Key Id' }).sensitive).toBe(false);
  });
  it('knows special-category health data, also in lower-case logical names and descriptions', () => {
    for (const n of ['nwh_hivstatus', 'HIV status', 'x_geneticmarker', 'x_pregnancystatus', 'x_apimkey', 'x_feeshare', 'pfx_securityanswer', "Mother's maiden name", 'pfx_interestrateoverride', 'Credit limit'])
      expect(classifyColumn({ name: n }).sensitive, n).toBe(true);
    expect(classifyColumn({ name: 'x_notes', description: 'Pathologist comments on the result.' }).sensitive).toBe(true);
    expect(classifyColumn({ name: 'x_memberid', description: 'Member identifier printed on the insurance card.' }).sensitive).toBe(true);
    expect(classifyColumn({ name: 'x_memberid', description: 'Loyalty club member number.' }).sensitive).toBe(false);
    for (const n of ['x_pepstatus', 'Politically exposed person', 'x_sanctionsmatchdetails']) expect(classifyColumn({ name: n }).sensitive, n).toBe(true);
  });

  it('does not take public bank identifiers or words that merely contain a term for sensitive data', () => {
    for (const n of ['x_archived', 'x_archivestatus', 'SWIFT Code', 'x_swiftcode', 'Sort Code', 'x_sortcode', 'x_shiver'])
      expect(classifyColumn({ name: n }).sensitive, n).toBe(false);
  });

  it('honours team settings', () => {
    expect(classifyColumn({ name: 'cnt_policynumber' }, { sensitiveNames: ['policynumber'], notSensitiveNames: [] }).sensitive).toBe(true);
    expect(classifyColumn({ name: 'cnt_iban' }, { sensitiveNames: [], notSensitiveNames: ['cnt_iban'] }).sensitive).toBe(false);
  });
  it('recognises credential names', () => {
    for (const n of ['erpPassword', 'ERP API Key', 'SmsGatewayToken', 'SharedAccessKey', 'subscriptionKey']) expect(isCredentialName(n), n).toBe(true);
    for (const n of ['TRACKING_PASS', 'Pass', 'smtpPw']) expect(isCredentialName(n), n).toBe(true);
    for (const n of ['BoardingPass', 'bypass', 'compass', 'passengerName', 'firstPass', 'LastPass']) expect(isCredentialName(n), n).toBe(false);
    for (const n of ['PasswordPolicyHint', 'ApiKeyName', 'TokenEndpoint', 'erpUser', 'maxDiscountPercent', 'SharedAccessKeyName']) expect(isCredentialName(n), n).toBe(false);
  });
});
