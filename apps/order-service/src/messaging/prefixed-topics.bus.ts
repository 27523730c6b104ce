// Moved to @oms/messaging so every service isolates its test runs the same way; kept here so
// order-service's imports stay as they were.
export { PrefixedTopicsBus } from '@oms/messaging';
