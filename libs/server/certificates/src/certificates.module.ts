import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeService } from './cascade.service';
import { Certificate } from './certificate.entity';
import { CertificatesRepository, CertificatesService } from './certificates.service';

export const CERTIFICATE_ENTITIES = [Certificate];

@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATE_ENTITIES)],
  providers: [CertificatesRepository, CertificatesService, CascadeService],
  exports: [CertificatesService, CascadeService],
})
export class CertificatesModule {}
