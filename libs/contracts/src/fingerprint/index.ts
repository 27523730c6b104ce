export * from './crc64-avro';
export * from './fingerprint';
