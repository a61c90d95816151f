// Every test sees the same clock zone and a quiet logger.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
