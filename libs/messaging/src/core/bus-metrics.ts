import { counter, histogram } from '@deskpilot/observability';

export const busMetrics = {
  eventsHandled: counter(
    'deskpilot_bus_events_handled_total',
    'Events delivered to a consumer, by outcome (ack, retry, dead)',
    ['service', 'name', 'outcome'],
  ),
  eventHandlerSeconds: histogram(
    'deskpilot_bus_event_handler_seconds',
    'Time an event handler took',
    ['service', 'name'],
    [0.001, 0.005, 0.02, 0.1, 0.5, 2, 10, 60],
  ),
  eventsPublished: counter('deskpilot_bus_events_published_total', 'Events published', [
    'service',
    'name',
  ]),
  requests: counter('deskpilot_bus_requests_total', 'Requests sent over the bus, by outcome', [
    'service',
    'name',
    'outcome',
  ]),
  requestSeconds: histogram(
    'deskpilot_bus_request_seconds',
    'Round trip of a request over the bus (first reply for streams)',
    ['service', 'name'],
    [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.25, 1, 5],
  ),
};
