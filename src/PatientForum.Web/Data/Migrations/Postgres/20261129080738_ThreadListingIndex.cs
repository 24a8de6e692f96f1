using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ThreadListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Threads_TopicId_IsPinned_LastActivityAt",
                table: "Threads");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_TopicId_IsHidden_IsPinned_LastActivityAt",
                table: "Threads",
                columns: new[] { "TopicId", "IsHidden", "IsPinned", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Threads_TopicId_IsHidden_IsPinned_LastActivityAt",
                table: "Threads");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_TopicId_IsPinned_LastActivityAt",
                table: "Threads",
                columns: new[] { "TopicId", "IsPinned", "LastActivityAt" });
        }
    }
}
