"""Personal data under the GDPR: the retention periods applied every day, and the register of processing."""
