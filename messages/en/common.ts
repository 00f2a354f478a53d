/** Sentences shared by every part: generic field problems and faults. */
export const common = {
  'field.required': 'Enter {label}.',
  'field.tooShort': '{label} needs at least {min} characters.',
  'field.tooLong': '{label} can have at most {max} characters.',
  'field.invalid': '{label} is not valid.',
  'fault.draftKept':
    'Sorry, something went wrong on our side. Your draft is kept: try again in a moment. (Reference: {correlationId})',
} as const;
