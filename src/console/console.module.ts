import { Module } from '@nestjs/common';
import { AlarmsModule } from '../alarms/alarms.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { WorkOrdersModule } from '../work-orders/work-orders.module.js';
import { ConsoleAssets } from './console-assets.js';
import { ConsoleAssetsController } from './console-assets.controller.js';
import { ConsoleSessionController } from './console-session.controller.js';
import { FleetOverviewController } from './fleet-overview.controller.js';
import { FleetOverviewService } from './fleet-overview.service.js';
import { LiveEventsController } from './live-events.controller.js';
import { LiveEventsListener } from './live-events.listener.js';
import { LiveEventsService } from './live-events.service.js';

/**
 * The web console (docs/console.md): its page and files, the fleet overview that
 * gathers what the fleet page shows from the other features' services, and the live
 * stream of server-sent events fed by the domain event bus.
 */
@Module({
  imports: [AlarmsModule, DevicesModule, RegistryModule, ReliabilityModule, WorkOrdersModule],
  controllers: [
    ConsoleAssetsController,
    ConsoleSessionController,
    FleetOverviewController,
    LiveEventsController,
  ],
  providers: [
    { provide: ConsoleAssets, useFactory: () => new ConsoleAssets() },
    FleetOverviewService,
    LiveEventsService,
    LiveEventsListener,
  ],
})
export class ConsoleModule {}
