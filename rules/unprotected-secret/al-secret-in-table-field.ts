import { defineRule } from '../../server/src/core/rule';
import { prop, walkElements } from '../../server/src/parsers/al';
import { isCredentialValueName } from '../../server/src/parsers/al-secrets';

/** Field types that can hold a secret's text. */
const TEXT_FIELD = /^(text|code|blob|bigtext)\b/i;

export default defineRule({
  meta: {
    code: 'D365U023',
    name: 'al-secret-in-table-field',
    category: 'unprotected-secret',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary: 'Finds AL table and table extension fields that store a credential (password, client secret, API key, token) as Text, Code or Blob in the database.',
      why:
        'A table field is plain data: anyone with read permission on the table sees it through pages, page inspection, Edit in Excel, API and OData pages, configuration packages, database backups and exports. `ExtendedDatatype = Masked` only hides the characters on screen. Secrets belong in IsolatedStorage (encrypted, not readable through any page) or in a key vault.',
      bad: 'field(5; "Service Password"; Text[100])\n{\n    ExtendedDatatype = Masked;\n}',
      good: 'field(5; "Service Password Key"; Guid) { }  // IsolatedStorage.SetEncrypted(Rec."Service Password Key", Password, DataScope::Company)',
      fix: 'Replace the field with a Guid key field and keep the value with IsolatedStorage.SetEncrypted (SecretText overload); show a masked page variable that writes through to isolated storage on validate. Migrate existing values in an upgrade codeunit and clear the old field.',
      traps: 'Guid key fields (`"API Key Id"`), dates and flags about a secret (`"Password Expiry Date"`, `"Has Password"`), names of key vault secrets, and temporary tables (`TableType = Temporary`) that never reach the database.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-isolated-storage', 'https://cwe.mitre.org/data/definitions/312.html'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          if (o.type !== 'table' && o.type !== 'tableextension') continue;
          if (/^temporary$/i.test(prop(o.properties, 'TableType')?.value ?? '')) continue;
          walkElements(o.elements, (e, anc) => {
            if (e.keyword !== 'field' || !anc.some((a) => a.keyword === 'fields')) return;
            const name = e.args[1]?.text.replace(/^"(.*)"$/s, '$1');
            const type = e.args[2]?.text ?? '';
            if (!name || !TEXT_FIELD.test(type)) return;
            if (/^flowfield$/i.test(prop(e.properties, 'FieldClass')?.value ?? '')) return;
            const caption = prop(e.properties, 'Caption')?.value.replace(/^'(.*?)'.*$/s, '$1');
            if (!isCredentialValueName(name) && !(caption && isCredentialValueName(caption))) return;
            ctx.report({
              span: e.headSpan,
              message: `Field "${name}" of ${o.type} "${o.name}" stores a credential as ${type} in the database, readable through pages, APIs, exports and backups${prop(e.properties, 'ExtendedDatatype') ? ' (Masked only hides it on screen)' : ''}. Keep it in IsolatedStorage with SetEncrypted and store a Guid key here.`,
              key: `${o.name}|${name}`,
            });
          });
        }
      },
    };
  },
});
