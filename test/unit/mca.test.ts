import { readable } from '../harness/englishText';
import { latestAcceptanceDate, MCA_START_DATE } from '../../services/customers/acceptanceDate';
import { validateMcaConfirmation, type McaContext } from '../../services/customers/mca';
import type { Role } from '../../services/roles/permissions';

const acceptedBy = { firstName: 'Jan', lastName: 'de Vries', email: 'jan.devries@contoso.nl', phone: '' };

function attested(acceptedOn: string) {
  return { kind: 'attested', acceptedBy, acceptedOn };
}

function salesAgentAt(now: string, agentUtcOffsetMinutes?: number): McaContext {
  return {
    now: new Date(now),
    roles: ['salesAgent'],
    ...(agentUtcOffsetMinutes !== undefined && { agentUtcOffsetMinutes }),
  };
}

function errorsOf(input: unknown, context: McaContext) {
  const result = validateMcaConfirmation(input, context);
  return result.ok ? [] : result.errors.map(({ field, key }) => ({ field, key }));
}

describe('MCA acceptance date across time zones', () => {
  it.each([
    ['an agent in UTC+13 whose local day is ahead of UTC', '2025-03-10T12:00:00Z', 780, '2025-03-11'],
    ['an agent in UTC+2', '2025-03-10T23:30:00Z', 120, '2025-03-11'],
    ['an agent in UTC', '2025-03-10T23:30:00Z', 0, '2025-03-10'],
    ['an agent in UTC-8, still on the day before UTC', '2025-03-10T03:00:00Z', -480, '2025-03-09'],
    ['an agent in UTC+5:30', '2025-03-10T19:00:00Z', 330, '2025-03-11'],
    ['an agent whose offset is unknown: the UTC date', '2025-03-10T23:00:00Z', undefined, '2025-03-10'],
    [
      'an agent whose offset is unknown, early in the UTC day',
      '2025-03-10T09:00:00Z',
      undefined,
      '2025-03-10',
    ],
    ['an agent with an impossible offset, read as unknown', '2025-03-10T23:00:00Z', 24 * 60, '2025-03-10'],
  ])('takes today as the local date of %s', (_who, now, offset, today) => {
    expect(latestAcceptanceDate(new Date(now), offset)).toBe(today);
  });

  it('accepts the local today of an agent in UTC+13 while UTC is still on yesterday', () => {
    const result = validateMcaConfirmation(attested('2025-03-11'), salesAgentAt('2025-03-10T12:00:00Z', 780));
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'attested',
        acceptedBy: { firstName: 'Jan', lastName: 'de Vries', email: 'jan.devries@contoso.nl' },
        acceptedOn: '2025-03-11',
      },
    });
  });

  it('refuses tomorrow for the agent in UTC+13, saying what today is', () => {
    const result = validateMcaConfirmation(attested('2025-03-12'), salesAgentAt('2025-03-10T12:00:00Z', 780));
    expect(readable(!result.ok && result.errors)).toEqual([
      expect.objectContaining({
        field: 'acceptedOn',
        key: 'mca.acceptedOn.future',
        message:
          'The acceptance date 2025-03-12 is in the future (today is 2025-03-11). Enter the date on which the customer actually accepted the agreement.',
      }),
    ]);
  });

  it.each([
    ['2025-03-10', undefined, true],
    ['2025-03-11', undefined, false],
    ['2025-03-10', -480, false],
    ['2025-03-09', -480, true],
    ['2025-03-10', 0, true],
    ['2025-03-11', 0, false],
  ])('at 2025-03-10 12:00 UTC treats %s for offset %p as allowed: %p', (date, offset, allowed) => {
    const now = offset === -480 ? '2025-03-10T03:00:00Z' : '2025-03-10T12:00:00Z';
    expect(errorsOf(attested(date), salesAgentAt(now, offset))).toEqual(
      allowed
        ? []
        : [
            {
              field: 'acceptedOn',
              // Without the agent's offset no "today" can be named.
              key: offset === undefined ? 'mca.acceptedOn.futureAnywhere' : 'mca.acceptedOn.future',
            },
          ],
    );
  });

  it('accepts the first day of the MCA and refuses the day before it, with a message', () => {
    expect(MCA_START_DATE).toBe('2019-10-01');
    expect(errorsOf(attested('2019-10-01'), salesAgentAt('2025-03-10T12:00:00Z'))).toEqual([]);
    const result = validateMcaConfirmation(attested('2019-09-30'), salesAgentAt('2025-03-10T12:00:00Z'));
    expect(readable(!result.ok && result.errors)).toEqual([
      expect.objectContaining({
        field: 'acceptedOn',
        key: 'mca.acceptedOn.beforeMca',
        message:
          'The Microsoft Customer Agreement exists since 2019-10-01, so 2019-09-30 cannot be its acceptance date. Enter the date on which the customer accepted it.',
      }),
    ]);
  });

  it.each(['1999-01-01', '0001-01-01'])('refuses the absurdly old date %s', (date) => {
    expect(errorsOf(attested(date), salesAgentAt('2025-03-10T12:00:00Z'))).toEqual([
      { field: 'acceptedOn', key: 'mca.acceptedOn.beforeMca' },
    ]);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '24-01-01',
    '2024/01/01',
    '01-02-2024',
    'yesterday',
    '2024-1-5',
  ])('refuses %j, which is not a calendar date', (date) => {
    expect(errorsOf(attested(date), salesAgentAt('2025-03-10T12:00:00Z'))).toEqual([
      { field: 'acceptedOn', key: 'mca.acceptedOn.invalid' },
    ]);
  });

  it('accepts 29 February of a leap year', () => {
    expect(errorsOf(attested('2024-02-29'), salesAgentAt('2025-03-10T12:00:00Z'))).toEqual([]);
  });

  it('asks for the date when it is missing', () => {
    expect(
      errorsOf({ kind: 'attested', acceptedBy, acceptedOn: '' }, salesAgentAt('2025-03-10T12:00:00Z')),
    ).toEqual([{ field: 'acceptedOn', key: 'mca.acceptedOn.required' }]);
  });
});

describe('who accepted the MCA', () => {
  const context = salesAgentAt('2025-03-10T12:00:00Z');

  it('normalises the person and keeps an optional phone', () => {
    const result = validateMcaConfirmation(
      {
        kind: 'attested',
        acceptedBy: {
          firstName: ' Jan ',
          lastName: 'de  Vries',
          email: 'Jan@Contoso.NL',
          phone: '+31 20 123 4567',
        },
        acceptedOn: '2025-03-01',
      },
      context,
    );
    expect(result.ok && result.value).toEqual({
      kind: 'attested',
      acceptedBy: { firstName: 'Jan', lastName: 'de Vries', email: 'Jan@contoso.nl', phone: '+31201234567' },
      acceptedOn: '2025-03-01',
    });
  });

  it('reports every problem of the person and the date at once', () => {
    expect(
      errorsOf(
        { kind: 'attested', acceptedBy: { firstName: 'test', email: 'x@microsoft.com', phone: '12' } },
        context,
      ),
    ).toEqual([
      { field: 'acceptedBy.firstName', key: 'person.firstName.placeholder' },
      { field: 'acceptedBy.lastName', key: 'person.lastName.required' },
      { field: 'acceptedBy.email', key: 'person.email.microsoft' },
      { field: 'acceptedBy.phone', key: 'person.phone.invalidAnyCountry' },
      { field: 'acceptedOn', key: 'mca.acceptedOn.required' },
    ]);
  });

  it("refuses the partner's own address when its domains are given", () => {
    const input = { ...attested('2025-03-01'), acceptedBy: { ...acceptedBy, email: 'agent@fabrikam.com' } };
    expect(errorsOf(input, { ...context, partnerEmailDomains: ['fabrikam.com'] })).toEqual([
      { field: 'acceptedBy.email', key: 'person.email.partnerDomain' },
    ]);
  });
});

describe('MCA choice and roles', () => {
  const now = '2025-03-10T12:00:00Z';
  const as = (...roles: Role[]): McaContext => ({ now: new Date(now), roles });

  it.each<Role[]>([['salesAgent'], ['adminAgent'], ['globalAdmin', 'adminAgent']])(
    'lets %j attest',
    (...roles) => {
      expect(errorsOf(attested('2025-03-01'), as(...roles))).toEqual([]);
    },
  );

  it.each<Role[]>([['globalAdmin'], ['userManagementAdmin']])(
    'refuses an attestation by %j, explaining who may',
    (...roles) => {
      const result = validateMcaConfirmation(attested('2025-03-01'), as(...roles));
      expect(readable(!result.ok && result.errors)).toEqual([
        expect.objectContaining({
          field: 'kind',
          key: 'mca.attest.notAllowed',
          message:
            'Only an Admin agent or a Sales agent can confirm that the customer accepted the Microsoft Customer Agreement. Ask one of them, or choose that the customer will accept it in the Microsoft 365 admin center.',
        }),
      ]);
    },
  );

  it.each<Role[]>([['globalAdmin'], ['userManagementAdmin'], ['adminAgent'], ['salesAgent']])(
    'lets %j leave the acceptance to the customer',
    (...roles) => {
      expect(
        validateMcaConfirmation({ kind: 'customerWillAccept', acceptedOn: '2030-01-01' }, as(...roles)),
      ).toEqual({
        ok: true,
        value: { kind: 'customerWillAccept' },
      });
    },
  );

  it.each<Role[]>([['manager'], []])(
    'refuses any MCA choice by %j, who may not add customers',
    (...roles) => {
      expect(errorsOf({ kind: 'customerWillAccept' }, as(...roles))).toEqual([
        { field: 'kind', key: 'roles.addCustomer.notAllowed' },
      ]);
      expect(errorsOf(attested('2025-03-01'), as(...roles))).toEqual([
        { field: 'kind', key: 'roles.addCustomer.notAllowed' },
      ]);
    },
  );

  it.each([{}, { kind: '' }, { kind: 'maybe' }, null, 'attested'])(
    'asks for a choice when given %j',
    (input) => {
      expect(errorsOf(input, as('salesAgent'))).toEqual([{ field: 'kind', key: 'mca.kind.required' }]);
    },
  );
});
