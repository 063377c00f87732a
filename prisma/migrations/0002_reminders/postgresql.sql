-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "reminderPolicy" JSONB;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "delegatedFromId" INTEGER;

-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "delegateId" INTEGER,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSlot" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "memberId" INTEGER,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "expandedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" SERIAL NOT NULL,
    "slotId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "chatId" INTEGER NOT NULL,
    "memberIds" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_memberId_idx" ON "Absence"("memberId");

-- CreateIndex
CREATE INDEX "ReminderSlot_status_dueAt_idx" ON "ReminderSlot"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSlot_periodId_key_key" ON "ReminderSlot"("periodId", "key");

-- CreateIndex
CREATE INDEX "ReminderDelivery_status_notBefore_idx" ON "ReminderDelivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "ReminderDelivery_claimToken_idx" ON "ReminderDelivery"("claimToken");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_slotId_target_key" ON "ReminderDelivery"("slotId", "target");

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSlot" ADD CONSTRAINT "ReminderSlot_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReminderSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
