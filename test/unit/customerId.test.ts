import { customerIdFor } from '../../services/customers/customerId';

describe('customer ids from the submission', () => {
  it('names the same record for every attempt of one submission, and another record for another', () => {
    const key = '3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b';
    expect(customerIdFor(key)).toBe(customerIdFor(key));
    expect(customerIdFor(key)).not.toBe(customerIdFor('3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6c'));
  });

  it('is a version 5 UUID', () => {
    expect(customerIdFor('any key')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
