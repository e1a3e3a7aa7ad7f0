import { type GriffelStyle, tokens } from '@fluentui/react-components';

/** A list entry that is a button (an issue, a suggestion): full width, text left, as Office lists look. */
export const listButton: GriffelStyle = {
  justifyContent: 'flex-start',
  textAlign: 'left',
  width: '100%',
  height: 'auto',
  minHeight: '32px',
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  fontWeight: tokens.fontWeightRegular,
};

/** A tab's content: a column of controls. */
export const panelRoot: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  paddingTop: tokens.spacingVerticalS,
};
