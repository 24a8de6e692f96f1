using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TopicSlugs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Treatments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentAggregates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TreatmentId = table.Column<int>(type: "integer", nullable: false),
                    BodyArea = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    Stories = table.Column<int>(type: "integer", nullable: false),
                    PainBefore = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PainAfter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relief = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SideEffects = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgainYes = table.Column<int>(type: "integer", nullable: false),
                    AgainNo = table.Column<int>(type: "integer", nullable: false),
                    AgainUnsure = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThreadId = table.Column<int>(type: "integer", nullable: false),
                    TreatmentId = table.Column<int>(type: "integer", nullable: false),
                    OtherTreatment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BodyArea = table.Column<int>(type: "integer", nullable: false),
                    TreatedYear = table.Column<int>(type: "integer", nullable: false),
                    TreatedMonth = table.Column<int>(type: "integer", nullable: false),
                    PainBefore = table.Column<int>(type: "integer", nullable: false),
                    PainAfter = table.Column<int>(type: "integer", nullable: false),
                    ReliefAmount = table.Column<int>(type: "integer", nullable: true),
                    ReliefUnit = table.Column<int>(type: "integer", nullable: true),
                    SideEffects = table.Column<int>(type: "integer", nullable: false),
                    OtherSideEffects = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CostBand = table.Column<int>(type: "integer", nullable: true),
                    WouldRepeat = table.Column<int>(type: "integer", nullable: false),
                    IncludeInCharts = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Snapshot = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
