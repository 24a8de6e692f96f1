using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TreatmentTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TreatmentTallies",
                columns: table => new
                {
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThreadId = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Counted = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentTallies", x => x.RecordId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentTallies_ThreadId",
                table: "TreatmentTallies",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentTallies_TreatmentId",
                table: "TreatmentTallies",
                column: "TreatmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentTallies");
        }
    }
}
