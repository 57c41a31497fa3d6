// STUB: language server entry (d365sec lsp --stdio).
export {};
