import { describeBrokerContract, testBrokerOptions } from '../testing/broker-contract.suite';
import { InProcessBroker } from './in-process-broker';

describe(InProcessBroker.name, () => {
  describeBrokerContract(async () => {
    const broker = new InProcessBroker(testBrokerOptions);
    await broker.connect();
    return { broker, dispose: () => broker.close() };
  });
});
