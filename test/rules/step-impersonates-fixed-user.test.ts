import rule from '../../rules/overbroad-privilege/step-impersonates-fixed-user';
import { testRule } from '../rule-tester';

const manifest = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
const step = (extra: string): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<SdkMessageProcessingStep',
    '  Name="Contoso.Plugins.Sync: Update of contact"',
    '  SdkMessageProcessingStepId="{486458d9-34ff-f011-8544-000d3a2b7c91}">',
    '  <PluginTypeName>Contoso.Plugins.Sync, Contoso.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8af77e95a6fc2354</PluginTypeName>',
    '  <PrimaryEntity>contact</PrimaryEntity>',
    extra,
    '  <Mode>0</Mode>',
    '  <Stage>40</Stage>',
    '</SdkMessageProcessingStep>',
  ].join('\n');
const at = (code: string) => ({ files: { 'sol/SdkMessageProcessingSteps/{486458d9-34ff-f011-8544-000d3a2b7c91}.xml': code, 'sol/Other/Solution.xml': manifest } });

testRule(rule, {
  valid: [{ name: 'runs as the calling user', ...at(step('  <Rank>1</Rank>')) }],
  traps: [
    { name: 'trap: empty impersonation element', ...at(step('  <ImpersonatingUserIdName></ImpersonatingUserIdName>')) },
    { name: 'trap: empty guid', ...at(step('  <ImpersonatingUserId>00000000-0000-0000-0000-000000000000</ImpersonatingUserId>')) },
  ],
  invalid: [
    { name: 'fixed admin user by name', ...at(step('  <ImpersonatingUserIdName>CRM Service Admin</ImpersonatingUserIdName>')), errors: [{ line: 7, message: 'CRM Service Admin' }] },
    { name: 'fixed user by id', ...at(step('  <ImpersonatingUserId>5f0f4b6e-1c2d-4e3f-9a8b-7c6d5e4f3a2b</ImpersonatingUserId>')), errors: [{ line: 7 }] },
  ],
});
