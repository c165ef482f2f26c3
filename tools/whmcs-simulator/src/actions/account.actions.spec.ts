import { createHarness } from '../../test/api-harness';
import {
  getAdminDetails,
  getAdminUsers,
  getClientsDetails,
  getClientsProducts,
} from './account.actions';

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

  describe(getAdminUsers.name, () => {
    it('should list the enabled admins whose email contains the text, with their signatures', async () => {
      const sut = createHarness();

      const result = await sut.call('GetAdminUsers', { email: 'SARAH.mitchell@' });

      expect(result.json).toMatchObject({
        result: 'success',
        count: 1,
        admin_users: [
          {
            id: 1,
            username: 'sarah.mitchell',
            email: 'sarah.mitchell@brightnest-hosting.example',
            signature: 'Kind regards,\nSarah\nBrightNest Hosting Support',
            isDisabled: 0,
            supportDepartmentIds: ['1', '2', '3', '4'],
            fullName: 'Sarah Mitchell',
          },
        ],
      });
    });

    it('should leave disabled admins out unless asked for them', async () => {
      const sut = createHarness();

      const enabled = await sut.call('GetAdminUsers', { email: 'jake.holloway' });
      const all = await sut.call('GetAdminUsers', { email: 'jake.holloway', include_disabled: 1 });

      expect(enabled.json).toMatchObject({ count: 0, admin_users: [] });
      expect(all.json).toMatchObject({ count: 1, admin_users: [{ id: 5, isDisabled: 1 }] });
    });
  });
});
