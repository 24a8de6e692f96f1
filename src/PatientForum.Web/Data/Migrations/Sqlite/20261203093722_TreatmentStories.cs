using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TreatmentStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Treatments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TopicSlugs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Treatments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyArea = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    Stories = table.Column<int>(type: "INTEGER", nullable: false),
                    PainBefore = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PainAfter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relief = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SideEffects = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgainYes = table.Column<int>(type: "INTEGER", nullable: false),
                    AgainNo = table.Column<int>(type: "INTEGER", nullable: false),
                    AgainUnsure = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentAggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentAggregates_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThreadId = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherTreatment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BodyArea = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    PainBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    PainAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    ReliefAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReliefUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    SideEffects = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherSideEffects = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CostBand = table.Column<int>(type: "INTEGER", nullable: true),
                    WouldRepeat = table.Column<int>(type: "INTEGER", nullable: false),
                    IncludeInCharts = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentRecords_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TreatmentRecords_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentRecordRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentRecordRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentRecordRevisions_TreatmentRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "TreatmentRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAggregates_TreatmentId_BodyArea_Scope",
                table: "TreatmentAggregates",
                columns: new[] { "TreatmentId", "BodyArea", "Scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentRecordRevisions_RecordId",
                table: "TreatmentRecordRevisions",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentRecords_ThreadId",
                table: "TreatmentRecords",
                column: "ThreadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentRecords_TreatmentId_BodyArea",
                table: "TreatmentRecords",
                columns: new[] { "TreatmentId", "BodyArea" });

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_Slug",
                table: "Treatments",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentAggregates");

            migrationBuilder.DropTable(
                name: "TreatmentRecordRevisions");

            migrationBuilder.DropTable(
                name: "TreatmentRecords");

            migrationBuilder.DropTable(
                name: "Treatments");
        }
    }
}
