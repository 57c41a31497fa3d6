import rule from '../../rules/hardcoded-secret/step-config-secret';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const step = (config: string): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<SdkMessageProcessingStep',
    '  Name="Contoso.Plugins.ClaimPostApprove: Update of cnt_claim"',
    '  SdkMessageProcessingStepId="{6d206ed2-0741-f011-8544-000d3a2b7c91}">',
    '  <PluginTypeName>Contoso.Plugins.ClaimPostApprove, Contoso.Plugins, Version=1.4.0.0, Culture=neutral, PublicKeyToken=8af77e95a6fc2354</PluginTypeName>',
    `  <Configuration>${config}</Configuration>`,
    '  <Stage>40</Stage>',
    '</SdkMessageProcessingStep>',
  ].join('\r\n');
const at = (config: string) => ({ files: { 'sol/SdkMessageProcessingSteps/{6d206ed2-0741-f011-8544-000d3a2b7c91}.xml': step(config), 'sol/Other/Solution.xml': manifest } });
const PW = '!ttQMtr9EKod?h0%LcfF';
const SAK = 'q2Vd8Xb9m3Lk7Jt5Rp1Ws4Yz6Hc0Nf2Ga8Ue3Io5Ki=';

testRule(rule, {
  valid: [{ name: 'no configuration', ...at('') }],
  traps: [
    { name: 'trap: pricing rules only', ...at('{"maxDiscountPercent":15,"renewalWindowDays":45,"loyaltyTiers":[2,5,10]}') },
    { name: 'trap: user name and endpoint, no secret', ...at('{"erpEndpoint":"https://erp.contoso.example/api","erpUser":"svc-crm-erp"}') },
    { name: 'trap: password placeholder', ...at('{"erpPassword":"&lt;set-in-secure-config&gt;"}') },
    { name: 'trap: key vault secret name', ...at('{"apiKeySecretName":"erp-api-key"}') },
  ],
  invalid: [
    {
      name: 'JSON configuration with a password',
      ...at(`{"erpEndpoint":"https://erp.contoso.example/api/v2/claims","erpUser":"svc-crm-erp","erpPassword":"${PW}","timeoutSeconds":30}`),
      errors: [{ line: 6, message: 'erpPassword' }],
      secrets: [PW],
    },
    {
      name: 'key=value configuration with a Service Bus connection string',
      ...at(`Endpoint=sb://cnt.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SAK}`),
      errors: [{ line: 6 }],
      secrets: [SAK],
    },
    {
      name: 'XML configuration with an api key element',
      ...at(`&lt;settings&gt;&lt;apiKey&gt;Zx8Qw2Er4Ty6Ui8Op0As2Df4&lt;/apiKey&gt;&lt;/settings&gt;`),
      errors: [{ line: 6 }],
      secrets: ['Zx8Qw2Er4Ty6Ui8Op0As2Df4'],
    },
  ],
});
