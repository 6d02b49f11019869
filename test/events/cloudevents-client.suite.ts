import { CloudEvent, HTTP, Message } from 'cloudevents';
import { customerId } from '../support/cloud-events';
import { eventsApi } from '../support/events-api';
import { TestService } from '../support/http-app';

/** An emitter using the CloudEvents SDK (`cloudevents` on npm) as its HTTP client. */
export function cloudEventsSdkClient(service: () => TestService): void {
  const api = eventsApi(service);
  const post = (key: string, message: Message) => {
    const headers = message.headers as Record<string, string>;
    return api.appendRaw(key, message.body as string, headers['content-type']!, headers);
  };

  const consentGranted = () =>
    new CloudEvent({
      source: 'urn:crm:vinsolutions:store-42',
      type: 'consent.granted',
      subject: customerId(),
      time: '2026-02-03T14:15:16.789Z',
      data: {
        actor: { type: 'customer', id: 'c-web-1' },
        channel: 'sms',
        purpose: 'sales',
        kind: 'express-written',
        evidence: { method: 'web-form', reference: 'form-7', text: 'I agree to receive texts.' },
        expiresAt: '2028-02-03T14:15:16.789Z',
      },
    });

  it.each([
    ['structured', HTTP.structured],
    ['binary', HTTP.binary],
  ])('appends an event the SDK sends in %s mode, stored as it was sent', async (_, serialize) => {
    const tenant = await service().createTenant();
    const event = consentGranted();

    const reply = await post(tenant.emitter, serialize(event));

    expect(reply.status).toBe(201);
    const [entry] = await api.entries(tenant.auditor);
    const { id, source, type, subject, time, data } = entry!;
    expect({ id, source, type, subject, time, data }).toEqual({ id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time, data: event.data });
  });

  it('recognises an event re-sent in the other mode as a duplicate', async () => {
    const tenant = await service().createTenant();
    const event = consentGranted();
    expect((await post(tenant.emitter, HTTP.structured(event))).status).toBe(201);

    const again = await post(tenant.emitter, HTTP.binary(event));

    expect([again.status, (again.body as { duplicates: number }).duplicates]).toEqual([200, 1]);
  });
}
