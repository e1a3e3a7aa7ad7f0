/** Blank 附件2 templates: the declarative description, its variants, and its placement. */
export * from './template';
export * from './render';
export * from './add-row';
