import { serviceFor } from '../support/http-app';
import { StoreUnderTest } from '../support/stores';
import { appendingEvents } from './appending-events.suite';
import { cloudEventsSdkClient } from './cloudevents-client.suite';
import { readingTheLog } from './reading-the-log.suite';

/** API.md "Events" over HTTP against one service per store; every test takes a fresh tenant. */
export function eventsOverHttpContract(store: StoreUnderTest): void {
  const service = serviceFor(store);

  describe('appending events', () => appendingEvents(service));
  describe('reading the log', () => readingTheLog(service));
  describe('a CloudEvents SDK client', () => cloudEventsSdkClient(service));
}
