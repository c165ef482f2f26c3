import { createHarness } from '../../test/api-harness';
import { getAdminDetails, getClientsDetails, getClientsProducts } from './account.actions';

describe('account actions', () => {
  describe(getClientsDetails.name, () => {
    it('should give ints for ids, the client at the top level too, and stats on demand', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsDetails', { clientid: 10, stats: 1 });

      expect(result.json).toMatchObject({
        result: 'success',
        id: 10,
        firstname: 'Aisha',
        client: { id: 10, client_id: 10, fullname: 'Aisha Bello', status: 'Active' },
        stats: { numoverdueinvoices: 2, numunpaidinvoices: 2 },
      });
    });

    it('should find a client by email', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsDetails', { email: 'GRETA@nordicknits.se' });

      expect(result.json['id']).toBe(8);
    });

    it('should answer Client Not Found for an unknown client', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsDetails', { clientid: 4040 });

      expect(result.json).toEqual({ result: 'error', message: 'Client Not Found' });
    });
  });

  describe(getClientsProducts.name, () => {
    it('should list the client services wrapped in products.product', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsProducts', { clientid: 1 });

      expect(result.json).toMatchObject({
        result: 'success',
        clientid: '1',
        totalresults: 1,
        numreturned: 1,
        products: {
          product: [
            {
              id: 101,
              name: 'Shared Hosting – Business',
              domain: 'okafordigital.co.uk',
              status: 'Active',
              password: '',
            },
          ],
        },
      });
    });

    it('should answer an empty string for products when nothing matches', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsProducts', { clientid: 1, serviceid: 999 });

      expect(result.json).toMatchObject({ result: 'success', numreturned: 0, products: '' });
    });

    it('should answer Client Not Found for an unknown client', async () => {
      const sut = createHarness();

      const result = await sut.call('GetClientsProducts', { clientid: 4040 });

      expect(result.json).toEqual({ result: 'error', message: 'Client Not Found' });
    });
  });

  describe(getAdminDetails.name, () => {
    it('should describe the API admin with its departments wrapped in commas', async () => {
      const sut = createHarness();

      const result = await sut.call('GetAdminDetails');

      expect(result.json).toMatchObject({
        adminid: '4',
        departments: ',1,2,',
        whmcs: { version: '8.10.1' },
      });
    });
  });
});
