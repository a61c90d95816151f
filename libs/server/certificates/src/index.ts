export * from './certificate-document';
export * from './certificate.dto';
export * from './certificate.entity';
export * from './certificates.module';
export * from './certificates.service';
export * from './cascade.service';
