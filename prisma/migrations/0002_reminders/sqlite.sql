-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "reminderPolicy" JSONB;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "delegatedFromId" INTEGER;

-- CreateTable
CREATE TABLE "Absence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "delegateId" INTEGER,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Absence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Absence_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSlot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "periodId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "memberId" INTEGER,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "expandedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderSlot_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slotId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "chatId" INTEGER NOT NULL,
    "memberIds" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimToken" TEXT,
    "leaseUntil" DATETIME,
    "sentAt" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderDelivery_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReminderSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
