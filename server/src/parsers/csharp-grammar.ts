/**
 * Facts about the tree-sitter-c-sharp 0.23.5 grammar, read from its src/node-types.json, that let
 * the tree conversion skip WASM calls: every cursor property is a call into WASM, so asking a node
 * for a field name it can never have, or stepping into a token that has no named children, costs
 * time for nothing. Regenerate if the grammar version changes.
 */

/** Named node types that never have named children (identifiers, literals, modifiers, comments). */
export const LEAF_TYPES: ReadonlySet<string> = new Set([
  'attribute_target_specifier', 'boolean_literal', 'break_statement', 'character_literal_content', 'comment',
  'constructor_constraint', 'continue_statement', 'discard', 'empty_statement', 'escape_sequence', 'identifier',
  'implicit_parameter', 'implicit_type', 'integer_literal', 'interpolation_brace', 'interpolation_format_clause',
  'interpolation_quote', 'interpolation_start', 'modifier', 'null_literal', 'predefined_type', 'preproc_arg',
  'preproc_nullable', 'raw_string_content', 'raw_string_end', 'raw_string_start', 'real_literal',
  'shebang_directive', 'string_content', 'string_literal_content', 'string_literal_encoding',
  'verbatim_string_literal',
]);

/** Node types that have at least one field; children of other types never carry a field name. */
export const FIELD_PARENTS: ReadonlySet<string> = new Set([
  'accessor_declaration', 'alias_qualified_name', 'and_pattern', 'anonymous_method_expression', 'argument',
  'array_creation_expression', 'array_type', 'as_expression', 'assignment_expression', 'attribute',
  'attribute_argument', 'binary_expression', 'bracketed_parameter_list', 'cast_expression', 'catch_clause',
  'catch_declaration', 'class_declaration', 'conditional_access_expression', 'conditional_expression',
  'constructor_declaration', 'conversion_operator_declaration', 'declaration_expression', 'declaration_pattern',
  'default_expression', 'delegate_declaration', 'destructor_declaration', 'do_statement',
  'element_access_expression', 'enum_declaration', 'enum_member_declaration', 'event_declaration',
  'extern_alias_directive', 'file_scoped_namespace_declaration', 'for_statement', 'foreach_statement', 'from_clause',
  'function_pointer_parameter', 'function_pointer_type', 'if_statement', 'indexer_declaration',
  'interface_declaration', 'invocation_expression', 'is_expression', 'is_pattern_expression', 'join_clause',
  'lambda_expression', 'list_pattern', 'local_function_statement', 'member_access_expression',
  'member_binding_expression', 'method_declaration', 'namespace_declaration', 'nullable_type',
  'object_creation_expression', 'operator_declaration', 'or_pattern', 'parameter', 'parameter_list',
  'parenthesized_variable_designation', 'pointer_type', 'preproc_elif', 'preproc_endregion', 'preproc_if',
  'preproc_if_in_attribute_list', 'preproc_region', 'primary_constructor_base_type', 'property_declaration',
  'qualified_name', 'record_declaration', 'recursive_pattern', 'ref_type', 'refvalue_expression', 'scoped_type',
  'sizeof_expression', 'stackalloc_expression', 'struct_declaration', 'switch_statement', 'try_statement',
  'tuple_element', 'tuple_pattern', 'type_parameter', 'type_parameter_constraint', 'type_pattern',
  'typeof_expression', 'unary_expression', 'using_directive', 'using_statement', 'var_pattern',
  'variable_declaration', 'variable_declarator', 'while_statement',
]);
