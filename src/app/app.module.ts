import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { LedgerConfig } from '../config/ledger-config';
import { AppendEventsController } from '../events/append-events/append-events.http.controller';
import { AppendEventsHandler } from '../events/append-events/append-events.handler';
import { ReadEventHandler, ReadEventsHandler } from '../events/read-events/read-events.handler';
import { ReadEventsController } from '../events/read-events/read-events.http.controller';
import { CustomerHistories } from '../eligibility/customer-histories';
import { CustomerTimeline } from '../eligibility/customer-timeline';
import { EligibilityAnswers } from '../eligibility/eligibility-answers';
import { EligibilityController } from '../eligibility/eligibility.http.controller';
import { CampaignCheckHandler, CustomerEligibilityHandler, CustomerTimelineHandler } from '../eligibility/eligibility.queries';
import { HealthController } from '../health/health.http.controller';
import { MalformedJsonGuard } from '../http/malformed-json.guard';
import { ProblemFilter } from '../http/problem.filter';
import { problemValidationPipe } from '../http/validation.pipe';
import { TenantLog } from '../ledger/tenant-log';
import { Checkpoints } from '../proofs/checkpoints';
import { EvidenceBundles } from '../proofs/evidence/evidence-bundles';
import { EvidenceController } from '../proofs/evidence/evidence.http.controller';
import { LedgerController } from '../proofs/ledger.http.controller';
import { LogSigner } from '../proofs/log-signer';
import { LogVerification } from '../proofs/log-verification';
import { Proofs } from '../proofs/proofs';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from '../reports/reports.providers';
import { KeyMaterial } from '../security/key-material';
import { LedgerDatabase } from '../store/ledger-database';
import { KeyRevocationListener } from '../tenants/key-revocation-listener';
import { TenantRegistry } from '../tenants/tenant-registry';
import { VerifiedKeys } from '../tenants/verified-keys';
import { TenantsController } from '../tenants/tenants.http.controller';
import { LedgerLifecycle } from './ledger-lifecycle';
import { loggerOptions } from './logging';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), TerminusModule, LoggerModule.forRoot(loggerOptions(config))],
      controllers: [TenantsController, AppendEventsController, ReadEventsController, LedgerController, EvidenceController, EligibilityController, ...REPORT_CONTROLLERS, HealthController],
      providers: [
        { provide: KeyMaterial, useFactory: () => KeyMaterial.load(config) },
        { provide: LedgerDatabase, useFactory: () => LedgerDatabase.open(config) },
        // Embedded, this process holds the data folder's lock: every revocation goes through it.
        { provide: VerifiedKeys, useFactory: () => (config.databaseUrl ? VerifiedKeys.untilListening() : VerifiedKeys.forSoleProcess()) },
        {
          provide: KeyRevocationListener,
          useFactory: (verifiedKeys: VerifiedKeys) => (config.databaseUrl ? KeyRevocationListener.start(config.databaseUrl, verifiedKeys) : null),
          inject: [VerifiedKeys],
        },
        {
          provide: TenantRegistry,
          useFactory: (database: LedgerDatabase, verifiedKeys: VerifiedKeys) => new TenantRegistry(database, verifiedKeys),
          inject: [LedgerDatabase, VerifiedKeys],
        },
        { provide: TenantLog, useFactory: (database: LedgerDatabase, keys: KeyMaterial) => new TenantLog(database, keys), inject: [LedgerDatabase, KeyMaterial] },
        { provide: LogSigner, useFactory: (keys: KeyMaterial) => new LogSigner(config, keys), inject: [KeyMaterial] },
        { provide: Checkpoints, useFactory: (database: LedgerDatabase, signer: LogSigner) => new Checkpoints(database, signer), inject: [LedgerDatabase, LogSigner] },
        { provide: Proofs, useFactory: (database: LedgerDatabase) => new Proofs(database), inject: [LedgerDatabase] },
        {
          provide: LogVerification,
          useFactory: (database: LedgerDatabase, checkpoints: Checkpoints, signer: LogSigner) => new LogVerification(database, checkpoints, signer),
          inject: [LedgerDatabase, Checkpoints, LogSigner],
        },
        {
          provide: EvidenceBundles,
          useFactory: (database: LedgerDatabase, log: TenantLog, checkpoints: Checkpoints, signer: LogSigner, proofs: Proofs) =>
            new EvidenceBundles(database, log, checkpoints, signer, proofs),
          inject: [LedgerDatabase, TenantLog, Checkpoints, LogSigner, Proofs],
        },
        { provide: CustomerHistories, useFactory: (database: LedgerDatabase) => new CustomerHistories(database), inject: [LedgerDatabase] },
        { provide: EligibilityAnswers, useFactory: (histories: CustomerHistories) => new EligibilityAnswers(histories), inject: [CustomerHistories] },
        { provide: CustomerTimeline, useFactory: (database: LedgerDatabase, log: TenantLog) => new CustomerTimeline(database, log), inject: [LedgerDatabase, TenantLog] },
        CustomerEligibilityHandler,
        CampaignCheckHandler,
        CustomerTimelineHandler,
        ...REPORT_PROVIDERS,
        LedgerLifecycle,
        AppendEventsHandler,
        ReadEventsHandler,
        ReadEventHandler,
        // Global guards run in this order: who calls (401, 403) before what is sent (400).
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: MalformedJsonGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: problemValidationPipe },
      ],
    };
  }
}
