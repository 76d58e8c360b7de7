/** Actions on the whole spec: reset, import, examples. */
export {};
