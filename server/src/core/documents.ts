import type { AlDocument } from '../parsers/al';
import type { CSharpDocument } from '../parsers/csharp';
import type { JsonDocument } from '../parsers/json';
import type { ScriptDocument } from '../parsers/script';
import type { TextDocument } from '../parsers/text';
import type { XmlDocument } from '../parsers/xml';

/** A parsed file of any kind. Each file is parsed once; all rules share this object. */
export type ParsedFile = CSharpDocument | ScriptDocument | AlDocument | XmlDocument | JsonDocument | TextDocument;

export type { AlDocument, CSharpDocument, JsonDocument, ScriptDocument, TextDocument, XmlDocument };
